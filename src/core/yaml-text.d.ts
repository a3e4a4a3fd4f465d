// esbuild loads .yaml files as text (see esbuild.js).
declare module '*.yaml' {
  const text: string;
  export default text;
}
