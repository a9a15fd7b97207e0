import { Spin } from 'antd';

export function FullPageSpin() {
  return (
    <div className="gj-fullpage">
      <Spin size="large" />
    </div>
  );
}
