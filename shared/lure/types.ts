// Lure features of one message: what a callback scam says to make the reader phone. See extract-lure.ts.

/** An impersonated brand, from shared/data/brands.json or the policy's extraBrands. */
export interface BrandHit {
  /** Canonical name, e.g. "PayPal", "Norton", "Geek Squad". */
  brand: string;
  /** The name as written in the message (may show the obfuscation, e.g. "P@yPal"). */
  evidence: string;
  /** TextPart id. */
  part: string;
}

/** A business context (invoice, renewal, ...) or a psychological trigger (urgency, fear, confusion, relief). */
export interface FeatureHit {
  kind: string;
  /** Short plain-text snippet around the phrase, at most 120 characters. */
  evidence: string;
  part: string;
}

/** A request to phone: tied to a number found in the text where one is close, else on its own. */
export interface CallToActionHit {
  evidence: string;
  part: string;
  /** The number the request points at; absent when no number was found near it (e.g. number in an image). */
  phoneE164?: string;
  /**
   * "request": words asking to call or contact ("call us at", "toll free", "reach our billing department").
   * "label": only a short label in front of the number ("Support Desk Line:", "Phone:", "📞"); signatures look like this too.
   */
  kind: 'request' | 'label';
}

/** A sum of money, e.g. "$499.99" → 499.99 USD. */
export interface AmountHit {
  evidence: string;
  value: number;
  /** ISO 4217 code. */
  currency: string;
  part: string;
}

export interface LureFeatures {
  brands: BrandHit[];
  contexts: FeatureHit[];
  triggers: FeatureHit[];
  callToAction: CallToActionHit[];
  amounts: AmountHit[];
}

export interface LureOptions {
  /** Extra brand names from policy, matched like the bundled lexicon's strong aliases. */
  extraBrands?: readonly string[];
}
