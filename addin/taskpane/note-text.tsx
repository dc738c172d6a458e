// A Note in the pane: its sentence in the reader's language, then its technical detail as it came (an error
// from Outlook or a server, a policy line), labelled for the IT team. Text only, never HTML.
import { noteText, type Note } from '../../shared/i18n/note.ts';
import type { Translator } from '../../shared/i18n/translator.ts';

export function NoteText({ note, translator }: { note: Note; translator: Translator }) {
  return (
    <>
      {noteText(note, translator.t)}
      {note.detail && (
        <>
          {' '}
          <TechnicalDetail detail={note.detail} translator={translator} />
        </>
      )}
    </>
  );
}

export function TechnicalDetail({ detail, translator }: { detail: string; translator: Translator }) {
  return (
    <span class="detail">
      {translator.t('paneTechnicalDetail')} <span class="detail-text" dir="auto" translate={false}>{detail}</span>
    </span>
  );
}
