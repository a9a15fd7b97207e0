/** The part of a texts file the first screens need (built by vite.config.ts). */
declare module '*.json?first' {
  const texts: Record<string, unknown>;
  export default texts;
}
