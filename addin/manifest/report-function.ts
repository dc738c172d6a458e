/** FunctionName of the Report button in manifest.xml; report.js registers its handler under this name. */
export const REPORT_FUNCTION_NAME = 'onSpamReport';
