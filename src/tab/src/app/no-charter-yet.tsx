import { appStrings } from '../strings/app';
import { LazyButton } from './lazy-button';

/** A team without a charter: its first writer is offered the editor; everyone else is told whom to ask. */
export function NoCharterYet({
  canCreate,
  askName,
  onCreate,
}: {
  canCreate: boolean;
  askName: string | null;
  onCreate: () => void;
}) {
  return (
    <section className="tc-empty" aria-labelledby="empty-title">
      {canCreate ? (
        <>
          <h1 className="tc-subtitle1" id="empty-title">
            {appStrings.noCharter.title}
          </h1>
          <p className="tc-body1 tc-flush">{appStrings.noCharter.whatToWrite}</p>
          <LazyButton appearance="primary" onClick={onCreate}>
            {appStrings.noCharter.create}
          </LazyButton>
        </>
      ) : (
        <h1 className="tc-subtitle1" id="empty-title">
          {askName ? appStrings.noCharter.askName(askName) : appStrings.noCharter.askOwner}
        </h1>
      )}
    </section>
  );
}
