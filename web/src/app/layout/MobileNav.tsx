import { Drawer } from 'antd';
import { Brand } from './Brand';
import { NavMenu } from './NavMenu';

/** A phone's menu: the navigation in a drawer from the left (loaded when first opened). */
export function MobileNav({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Drawer
      placement="left"
      size={256}
      open={open}
      onClose={onClose}
      title={<Brand />}
      closable={false}
      styles={{ body: { padding: 0 } }}
    >
      <NavMenu onNavigate={onClose} />
    </Drawer>
  );
}
