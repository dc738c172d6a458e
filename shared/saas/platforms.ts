// The platform rules, each registering itself. A fourth platform is one more file and one more line here.
import './github.ts';
import './jira.ts';
import './zendesk.ts';
import './helpdesks.ts';
import './google.ts';
import './invoicing.ts';
