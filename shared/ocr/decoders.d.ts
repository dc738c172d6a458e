// Types of the picture decoders OCR loads on demand (the packages ship none).
declare module 'utif' {
  interface Ifd {
    width: number;
    height: number;
  }
  const UTIF: {
    decode(bytes: Uint8Array | ArrayBuffer): Ifd[];
    decodeImage(bytes: Uint8Array | ArrayBuffer, ifd: Ifd): void;
    toRGBA8(ifd: Ifd): Uint8Array;
    encodeImage(rgba: Uint8Array, width: number, height: number): ArrayBuffer;
  };
  export default UTIF;
}

declare module 'heic-decode' {
  function decode(input: { buffer: Uint8Array | ArrayBuffer }): Promise<{ width: number; height: number; data: ArrayLike<number> }>;
  export default decode;
}

declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
