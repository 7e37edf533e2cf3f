// Vite's `?worker` imports (used for Monaco's editor worker).
declare module '*?worker' {
  const WorkerConstructor: { new (): Worker };
  export default WorkerConstructor;
}
