// esbuild loads .yaml files as text (see esbuild.js).
declare module '*.yaml' {
  const text: string;
  export default text;
}

// The built-in schema as schemaToJson wrote it when the bundle was built (esbuild.js); null while building that.
declare module 'compiled:default-schema' {
  const json: string | null;
  export default json;
}
