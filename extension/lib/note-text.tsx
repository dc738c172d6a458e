// A Note on the extension's pages: its sentence in the reader's language, then its technical detail as it
// came (a server's answer, a policy checker's line), labelled for the IT team. Text only, never HTML.
import { noteText, type Note } from '../../shared/i18n/note.ts';
import { translator } from './translate.ts';

export function NoteText({ note }: { note: Note }) {
  return (
    <>
      {noteText(note, translator.t)}
      {note.detail && (
        <>
          {' '}
          <TechnicalDetail detail={note.detail} />
        </>
      )}
    </>
  );
}

export function TechnicalDetail({ detail }: { detail: string }) {
  return (
    <span class="detail">
      {translator.t('paneTechnicalDetail')} <span class="detail-text" dir="auto" translate={false}>{detail}</span>
    </span>
  );
}
