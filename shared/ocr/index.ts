// OCR of pictures and image-only PDF pages: when to read, what, within which bounds. The recognising itself
// runs on each surface (CLI thread, add-in web worker, extension offscreen document); the core starts none.
export { sniffImageKind, imageKindOf, type ImageKind } from './image-kind.ts';
export { imageSize, type PixelSize } from './image-size.ts';
export { OCR_LIMITS, type OcrLimits } from './ocr-limits.ts';
export { ocrScale } from './ocr-scale.ts';
export { planOcr, pictureTrigger, type OcrPlan, type OcrTarget, type OcrTrigger, type PlanOptions } from './plan-ocr.ts';
export { ocrPartId, shapeOcrText } from './ocr-text.ts';
