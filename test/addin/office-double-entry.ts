// Bundled by the e2e test into the script that answers https://appsforoffice.microsoft.com/lib/1/hosted/office.js:
// installs the typed fake as window.Office, configured by window.__ringfenceOfficeConfig.
import { createFakeOffice, type FakeOfficeOptions } from './fake-office.ts';

const config = (globalThis as { __ringfenceOfficeConfig?: FakeOfficeOptions }).__ringfenceOfficeConfig;
if (!config) throw new Error('office double: window.__ringfenceOfficeConfig is not set');
const office = createFakeOffice(config);
(globalThis as Record<string, unknown>).Office = office;
(globalThis as Record<string, unknown>).__officeLog = office.log;
