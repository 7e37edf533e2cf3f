/**
 * <pml-playground>: the only playground code that loads with the page. It
 * restores the learner's saved code (or the /playground page's URL code),
 * and on the first interaction — focusing or clicking the code, or any
 * control — loads the controller (runner + memory view), which loads Monaco.
 * Until then the page shows the author's code highlighted at build time.
 */

import { loadCode, storageKey } from './storage.js';
import { decodeCode, updateOpenLink } from './urlcode.js';
import type { Action, PlaygroundController } from './controller.js';

const ACTIONS = new Set(['run', 'step', 'step-back', 'reset', 'stop']);

class PlaygroundElement extends HTMLElement {
  private controller: PlaygroundController | null = null;
  private loading: Promise<PlaygroundController> | null = null;
  private original = '';
  private initial = '';
  private key: string | null = null;

  connectedCallback(): void {
    if (this.dataset.ready === 'true') return;
    this.dataset.ready = 'true';
    this.original = this.querySelector<HTMLTemplateElement>('template.pg-source')?.content.textContent ?? '';
    this.initial = this.original;
    const urlState = this.dataset.urlState === 'true';
    if (urlState) {
      const fromUrl = decodeCode(location.hash);
      if (fromUrl !== null) this.initial = fromUrl;
      else if (/code=/.test(location.hash)) this.notice('The code in this link could not be read; showing the example instead.');
    } else {
      this.key = storageKey(this.dataset.chapter ?? 'page', this.dataset.pgId ?? 'p');
      const saved = loadCode(this.key);
      if (saved.status === 'ok') this.initial = saved.code;
      else if (saved.status === 'invalid') {
        this.notice('Your saved code for this example could not be read (it was damaged or saved by an older version of the site), so the original code is shown.');
      }
    }
    const editor = this.querySelector<HTMLElement>('[data-testid="editor"]')!;
    // the build-time highlighting of the author's code, for Reset before Monaco has loaded
    const staticCopy = document.createElement('template');
    staticCopy.className = 'pg-static';
    staticCopy.content.append(...Array.from(editor.childNodes, (n) => n.cloneNode(true)));
    this.append(staticCopy);
    if (this.initial !== this.original) {
      // the learner's own code: shown as plain text until Monaco takes over
      const pre = document.createElement('pre');
      pre.className = 'pg-plain';
      const code = document.createElement('code');
      code.textContent = this.initial;
      pre.append(code);
      pre.tabIndex = 0;
      editor.replaceChildren(pre);
      this.dataset.edited = 'true';
      updateOpenLink(this, this.initial);
    }
    editor.addEventListener('focusin', () => void this.activate('edit'));
    editor.addEventListener('pointerdown', () => void this.activate('edit'));
    this.addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLElement>('button[data-testid]');
      if (b === null || !this.contains(b) || !ACTIONS.has(b.dataset.testid!)) return;
      void this.activate(b.dataset.testid as Action);
    });
  }

  /** The code as the learner has it now: what an exercise's Check runs (components/exercise/element.ts). */
  get code(): string {
    return this.controller?.source ?? this.initial;
  }

  disconnectedCallback(): void {
    this.controller?.dispose();
    this.controller = null;
    this.loading = null;
    this.dataset.ready = '';
  }

  private notice(text: string): void {
    const n = this.querySelector<HTMLElement>('.pg-notice');
    if (n === null) return;
    n.textContent = text;
    n.hidden = false;
  }

  private async activate(action: Action): Promise<void> {
    if (this.controller !== null) {
      if (action !== 'edit') this.controller.handle(action);
      return;
    }
    if (this.loading !== null && action === 'edit') return;
    this.loading ??= import('./controller.js').then((m) => {
      this.controller = new m.PlaygroundController({
        root: this,
        original: this.original,
        initial: this.initial,
        storageKey: this.key,
        urlState: this.dataset.urlState === 'true',
        label: this.dataset.label ?? 'Python code',
      });
      return this.controller;
    });
    (await this.loading).handle(action);
  }
}

if (!customElements.get('pml-playground')) customElements.define('pml-playground', PlaygroundElement);
