// Vite's `?worker&url` import (build/addin.config.ts bundles the module into the add-in's own assets).
declare module '*?worker&url' {
  const url: string;
  export default url;
}
