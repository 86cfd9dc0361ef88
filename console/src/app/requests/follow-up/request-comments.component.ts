import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ROLE_LABELS, type LiveEvent, type RequestCommentView, type Role } from '@creneau/contracts';
import { catchError, concat, firstValueFrom, map, of, scan, startWith, switchMap, throwError } from 'rxjs';
import { apiErrorMessage } from '../../api/api-error';
import { LiveUpdates } from '../../live/live-updates';
import { TerritoryStore } from '../../territory/territory-store';
import { InstantPipe } from '../../time/instant.pipe';
import { RequestsApi } from '../requests-api';

const MAXIMUM_LENGTH = 4000;

type Loaded = { state: 'loading' } | { state: 'loaded' } | { state: 'error'; message: string };
interface Read {
  view: Loaded;
  comments: RequestCommentView[];
}
const LOADING: Read = { view: { state: 'loading' }, comments: [] };

/**
 * The short thread of a request between the requesting doctor, the secretariat and the centre's radiologist:
 * each comment with its author, role and time; Ctrl+Entrée sends a new one. Live: a comment written elsewhere
 * (its `request.commented` event, which carries no text) has the thread read again.
 */
@Component({
  selector: 'cr-request-comments',
  imports: [InstantPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">Échanges</h2>
      @switch (view().state) {
        @case ('loading') {
          <p>Chargement des échanges…</p>
        }
        @case ('error') {
          <p class="error" role="alert">Les échanges n’ont pas pu être chargés. {{ errorMessage() }}</p>
        }
        @case ('loaded') {
          @if (comments().length === 0) {
            <p class="hint">Aucun échange pour l’instant.</p>
          } @else {
            <ol class="thread">
              @for (comment of comments(); track comment.id) {
                <li>
                  <p class="author">
                    <strong>{{ comment.authorName }}</strong> ({{ role(comment.authorRole) }}),
                    <time [attr.datetime]="comment.createdAt">{{ comment.createdAt | instant: timeZone() }}</time>
                  </p>
                  <p class="body">{{ comment.body }}</p>
                </li>
              }
            </ol>
          }
        }
      }
      <form (submit)="$event.preventDefault(); send()" novalidate>
        <label for="comment-body">Nouveau commentaire</label>
        <textarea
          #bodyField
          id="comment-body"
          rows="3"
          [maxLength]="maximumLength"
          [value]="draft()"
          [attr.aria-invalid]="!!sendError()"
          aria-describedby="comment-hint"
          (input)="draft.set(bodyField.value)"
          (keydown.control.enter)="$event.preventDefault(); send()"
        ></textarea>
        <p id="comment-hint" class="hint">Visible du médecin demandeur, du télésecrétariat et du centre. Ctrl+Entrée envoie.</p>
        <button type="submit" class="small" [attr.aria-busy]="sending()" [disabled]="sending()">Envoyer le commentaire</button>
        @if (sendError(); as error) {
          <p class="error" role="alert">{{ error }}</p>
        }
      </form>
    </section>
  `,
  styles: `
    .thread {
      list-style: none;
      padding: 0;
    }
    .thread li {
      border-left: 3px solid #c8d3e0;
      padding-left: 0.6rem;
      margin-bottom: 0.6rem;
    }
    .thread p {
      margin: 0.1rem 0;
    }
    .body {
      white-space: pre-wrap;
    }
    textarea {
      display: block;
      width: 100%;
      max-width: 40rem;
    }
  `,
})
export class RequestCommentsComponent {
  readonly requestId = input.required<string>();

  private readonly api = inject(RequestsApi);
  private readonly live = inject(LiveUpdates);
  protected readonly timeZone = inject(TerritoryStore).timeZone;
  protected readonly maximumLength = MAXIMUM_LENGTH;
  private readonly bodyField = viewChild.required<ElementRef<HTMLTextAreaElement>>('bodyField');

  /** Comments sent from this page, shown at once after the ones read. */
  private readonly added = signal<RequestCommentView[]>([]);
  /** Read once, then again after a comment written elsewhere and after a reconnection; the watch ends with the component. */
  private readonly read = toSignal(
    toObservable(this.requestId).pipe(
      switchMap((id) =>
        this.live
          .watch(
            'comments',
            () =>
              this.api.comments(id).pipe(
                map((comments): Read => ({ view: { state: 'loaded' }, comments })),
                // Told, and tried again by the watch, a little later.
                catchError((error: unknown) =>
                  concat(
                    of<Read>({ view: { state: 'error', message: apiErrorMessage(error) }, comments: [] }),
                    throwError(() => error),
                  ),
                ),
              ),
            (event) => this.isNewComment(event, id),
          )
          .pipe(
            // A failed read again keeps the thread shown: the next one brings what is new.
            scan((shown, next) => (next.view.state === 'error' && shown.view.state === 'loaded' ? shown : next), LOADING),
            startWith(LOADING),
          ),
      ),
    ),
    { initialValue: LOADING },
  );
  protected readonly view = computed(() => this.read().view);
  protected readonly comments = computed(() => {
    const read = this.read().comments;
    const known = new Set(read.map((comment) => comment.id));
    return [...read, ...this.added().filter((comment) => !known.has(comment.id))];
  });
  protected readonly errorMessage = computed(() => {
    const view = this.view();
    return view.state === 'error' ? view.message : '';
  });
  protected readonly draft = signal('');
  protected readonly sending = signal(false);
  protected readonly sendError = signal<string | null>(null);

  /** A comment on this request not shown yet (this page's own ones are, from the answer to their sending). */
  private isNewComment(event: LiveEvent, requestId: string): boolean {
    if (event.type !== 'request.commented' || event.data.requestId !== requestId) return false;
    const commentId = event.data.commentId;
    return !untracked(this.comments).some((comment) => comment.id === commentId);
  }

  protected role(role: string): string {
    return ROLE_LABELS[role as Role] ?? role;
  }

  protected async send(): Promise<void> {
    const body = this.draft().trim();
    if (this.sending()) return;
    if (body === '') {
      this.sendError.set('Écrivez le commentaire avant de l’envoyer.');
      this.bodyField().nativeElement.focus();
      return;
    }
    this.sendError.set(null);
    this.sending.set(true);
    try {
      const comment = await firstValueFrom(this.api.addComment(this.requestId(), body));
      this.added.update((added) => [...added, comment]);
      this.draft.set('');
      // The binding may not have seen the typed text yet (typed and sent in one go): empty the field itself too.
      this.bodyField().nativeElement.value = '';
      this.bodyField().nativeElement.focus();
    } catch (error) {
      this.sendError.set(apiErrorMessage(error));
    } finally {
      this.sending.set(false);
    }
  }
}
