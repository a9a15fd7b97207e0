import { ConfigProvider } from 'antd';
import AppContext, { type useAppProps } from 'antd/es/app/context';
import useAppStyle from 'antd/es/app/style';
import { lazy, type ReactNode, Suspense, use, useEffect, useState } from 'react';

type Api = useAppProps;
type Handle = { destroy?: () => void; update?: (config: unknown) => void } | (() => void) | undefined;

// antd's message, modal and notification code (~18 kB gzipped) is no part of the first screen:
// it loads once the layout is up; what asks for a message before that waits for it.
const FeedbackHolders = lazy(() => import('./FeedbackHolders'));

/** What a message or dialog asked for before its code arrived returns: it acts once shown. */
function pending(shown: Promise<{ handle: Handle }>) {
  // (the handle is boxed: a message's handle is a thenable, which a promise would unwrap)
  const act = (fn: (handle: Handle) => void) => void shown.then(({ handle }) => fn(handle));
  return Object.assign(() => act((h) => typeof h === 'function' && h()), {
    destroy: () => act((h) => typeof h === 'object' && h.destroy?.()),
    update: (config: unknown) => act((h) => typeof h === 'object' && h.update?.(config)),
    // biome-ignore lint/suspicious/noThenProperty: antd's message and dialog handles are thenables too
    then: (ok?: (value: unknown) => unknown, fail?: (error: unknown) => unknown) =>
      shown.then(({ handle }) => handle as unknown as PromiseLike<unknown>).then(ok, fail),
  });
}

/** The calls antd's App offers (`message.success(…)`, `modal.confirm(…)`…), each waiting for the real one. */
function waitingApi(ready: Promise<Api>): Api {
  const part = (name: keyof Api) =>
    new Proxy(
      {},
      {
        get: (_target, method) =>
          typeof method === 'string'
            ? (...args: unknown[]) =>
                pending(
                  ready.then((api) => ({
                    handle: (api[name] as unknown as Record<string, (...a: unknown[]) => Handle>)[method]?.(
                      ...args,
                    ),
                  })),
                )
            : undefined,
      },
    );
  return {
    message: part('message'),
    modal: part('modal'),
    notification: part('notification'),
  } as unknown as Api;
}

/**
 * antd's App (its `ant-app` root with the theme's font and colour, and `App.useApp()` for
 * every page), with its message, modal and notification holders loaded after first paint.
 */
export function FeedbackHost({ children }: { children: ReactNode }) {
  const [waiting] = useState(() => {
    let resolve: (api: Api) => void = () => {};
    const ready = new Promise<Api>((r) => {
      resolve = r;
    });
    return { api: waitingApi(ready), resolve };
  });
  const [api, setApi] = useState<Api>(waiting.api);
  const [load, setLoad] = useState(false);
  useEffect(() => setLoad(true), []);
  const { getPrefixCls } = use(ConfigProvider.ConfigContext);
  const prefixCls = getPrefixCls('app');
  const [hashId, cssVarCls] = useAppStyle(prefixCls);

  return (
    <AppContext.Provider value={api}>
      <div className={[hashId, prefixCls, cssVarCls].filter(Boolean).join(' ')}>{children}</div>
      {load && (
        <Suspense fallback={null}>
          <FeedbackHolders
            onReady={(real) => {
              waiting.resolve(real);
              setApi(real);
            }}
          />
        </Suspense>
      )}
    </AppContext.Provider>
  );
}
