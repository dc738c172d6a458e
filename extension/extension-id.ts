// The manifest's public key fixes the extension ID in Chrome and Edge; policy is keyed by that ID.
export const EXTENSION_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvzHdeQD8mNLByf+eIZnvMJh4GKffD0puPg4K7Ac/aYVdYxKKSfZFys+FSwHpYRfb0HQ5e4oYnhTNvDDMNk+Gf8F3o9eAy1zVA63fpcT9QwCeq3MXrz8LC9xpdzVhohzpdlRAas+IIz8Wcl6sz3zdWl6jH+ymCOqUXwXj4aOKFldN//e6WppCsqCIUrqRzC91B/ggqqc3bhn9mExTp/uZ2JstXFv18W1Jxq0ODSrtH1ina2TLexFFMtqwJOXU4D63mi7AiOuF3tH5rPYsqXStp5rB3Yve21z6J4AfV5VzXFoEbbWfNjpFvjhUGL9r+xTalmy4Njw7KGXPLSWMzl/ksQIDAQAB';
export const EXTENSION_ID = 'lhalbjoanmecbcdikfnaeaafcepbdoke';
/** Firefox keys extensions (and their policy) by this add-on id instead. */
export const GECKO_ID = 'ringfence@ringfence.dev';
