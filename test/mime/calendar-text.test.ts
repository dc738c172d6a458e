import { describe, expect, it } from 'vitest';
import { calendarText, unescapeIcsText, unfoldIcs } from '../../shared/mime/calendar-text.ts';

describe('calendar text (RFC 5545)', () => {
  it('unfolds CRLF-space, CRLF-tab and LF-space continuations before anything else', () => {
    expect(unfoldIcs('DESCRIPTION:(859) 48\r\n 9-9247\r\nSUMMARY:a\r\n\tb\nLOCATION:c\n d')).toBe('DESCRIPTION:(859) 489-9247\r\nSUMMARY:ab\nLOCATION:cd');
  });

  it('unescapes \\n \\N \\, \\; and \\\\ only', () => {
    expect(unescapeIcsText('a\\nb\\Nc\\, d\\; e\\\\n f\\x')).toBe('a\nb\nc, d; e\\n f\\x');
  });

  it('takes SUMMARY, DESCRIPTION, LOCATION, COMMENT and X-ALT-DESC, ignoring parameters and other properties', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'ORGANIZER;CN="Billing: Team":mailto:x@example.test',
      'SUMMARY;LANGUAGE=en:Renewal',
      'DESCRIPTION;ALTREP="cid:part1@example.test":Call (859) 48',
      ' 9-9247\\, today',
      'LOCATION:Online',
      'COMMENT:Ref 42',
      'X-ALT-DESC;FMTTYPE=text/html:<p>Call <b>(859)</b> 489-9247</p><div style="display:none">noise</div>',
      'UID:123@example.test',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(calendarText(ics)).toEqual({
      visible: 'Renewal\n\nCall (859) 489-9247, today\n\nOnline\n\nRef 42\n\nCall (859) 489-9247',
      hidden: 'noise',
    });
  });

  it('renders a DESCRIPTION written in HTML, as Google Calendar sends it', () => {
    expect(calendarText('DESCRIPTION:<p>Invoice<br />Phone: (839) 268-8812</p>').visible).toBe('Invoice\nPhone: (839) 268-8812');
  });

  it('drops repeated values', () => {
    expect(calendarText('SUMMARY:Same\r\nDESCRIPTION:same\r\n').visible).toBe('Same');
  });
});
