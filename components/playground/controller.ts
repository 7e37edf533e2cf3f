/**
 * A playground once the learner has touched it: the runner (the engine in a
 * Web Worker), the memory view, and Monaco (loaded in the background on the
 * first interaction; Run and Step do not wait for it).
 *
 * Steps: after Run the view shows the last step (the program has finished);
 * Step starts at step 0 (re-running first when the code changed), Step back
 * and the slider move through the recorded trace. The state at step k is
 * the memory just before line k runs; that line is highlighted in the editor.
 */

import { RunnerClient, type RunOutcome } from '../../src/runner/client.js';
import type { WireState, PythonVersion } from '../../src/runner/protocol.js';
import { MemoryViewRenderer, hexAddress } from '../memoryview/render.js';
import { findErrorMark, type ErrorMark } from './traceback.js';
import { saveCode, clearCode } from './storage.js';
import { encodeCode, updateOpenLink } from './urlcode.js';
import type * as MonacoNS from 'monaco-editor/editor/editor.api.js';

type Monaco = typeof MonacoNS;
type MonacoModule = typeof import('./monaco.js');

export type Action = 'edit' | 'run' | 'step' | 'step-back' | 'reset' | 'stop' | 'slider';

export interface PlaygroundConfig {
  root: HTMLElement;
  original: string;
  initial: string;
  /** localStorage key, or null on the /playground page (code lives in the URL) */
  storageKey: string | null;
  urlState: boolean;
  label: string;
}

let monacoPromise: Promise<MonacoModule> | null = null;
function loadMonaco(): Promise<MonacoModule> {
  monacoPromise ??= import('./monaco.js');
  return monacoPromise;
}

function q<T extends HTMLElement>(root: HTMLElement, testid: string): T {
  const e = root.querySelector<T>(`[data-testid="${testid}"]`);
  if (e === null) throw new Error(`playground: no [data-testid=${testid}]`);
  return e;
}

export class PlaygroundController {
  private readonly root: HTMLElement;
  private code: string;
  private readonly runner = new RunnerClient();
  private readonly view: MemoryViewRenderer;
  private readonly editorHost: HTMLElement;
  private readonly output: HTMLElement;
  private readonly status: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly stepLabel: HTMLElement;
  private readonly buttons: Record<'run' | 'step' | 'step-back' | 'reset' | 'stop', HTMLButtonElement>;
  private readonly version: HTMLSelectElement;

  private monaco: Monaco | null = null;
  private editor: MonacoNS.editor.IStandaloneCodeEditor | null = null;
  private model: MonacoNS.editor.ITextModel | null = null;
  private lineDecorations: MonacoNS.editor.IEditorDecorationsCollection | null = null;
  private editorLoading: Promise<void> | null = null;

  /** the last finished run and the source it ran */
  private outcome: RunOutcome | null = null;
  private ranSource: string | null = null;
  private step = -1;
  private state: WireState | null = null;
  private errorMark: ErrorMark | null = null;
  private busy = false;
  /** answers to stale state requests are dropped */
  private seq = 0;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly cfg: PlaygroundConfig) {
    const root = cfg.root;
    this.root = root;
    this.code = cfg.initial;
    this.editorHost = q(root, 'editor');
    this.output = q(root, 'output');
    this.status = root.querySelector<HTMLElement>('.pg-status')!;
    this.slider = q<HTMLInputElement>(root, 'step-slider');
    this.stepLabel = root.querySelector<HTMLElement>('.pg-step-label')!;
    this.version = q<HTMLSelectElement>(root, 'python-version');
    this.buttons = {
      run: q(root, 'run'), step: q(root, 'step'), 'step-back': q(root, 'step-back'),
      reset: q(root, 'reset'), stop: q(root, 'stop'),
    };
    this.view = new MemoryViewRenderer(q(root, 'memory-view'));
    this.slider.addEventListener('input', () => void this.goTo(Number(this.slider.value)));
    this.runner.warm();
    window.addEventListener('pagehide', () => this.flush());
    this.updateControls();
  }

  /** The code in the editor now (an exercise's Check runs it: components/exercise/element.ts). */
  get source(): string {
    return this.code;
  }

  /** Handles a control (the bootstrap in element.ts forwards the first one that loaded us). */
  handle(action: Action): void {
    switch (action) {
      case 'edit':
        void this.ensureEditor(true);
        break;
      case 'run':
        void this.ensureEditor(false);
        void this.run();
        break;
      case 'step':
        void this.ensureEditor(false);
        void this.stepForward();
        break;
      case 'step-back':
        if (this.step > 0) void this.goTo(this.step - 1);
        break;
      case 'slider':
        void this.goTo(Number(this.slider.value));
        break;
      case 'reset':
        this.reset();
        break;
      case 'stop':
        this.runner.stop();
        break;
    }
  }

  // ------------------------------------------------------------ editor

  private ensureEditor(focus: boolean): Promise<void> {
    if (this.editorLoading === null) {
      this.root.dataset.editor = 'loading';
      this.editorLoading = loadMonaco().then((m) => {
        const { editor, model } = m.createEditor(this.editorHost, this.code, this.cfg.label, (w) => this.hover(w));
        this.monaco = m.monaco;
        this.editor = editor;
        this.model = model;
        this.lineDecorations = editor.createDecorationsCollection();
        this.root.dataset.editor = 'monaco';
        model.onDidChangeContent(() => this.onEdit());
        editor.onMouseLeave(() => this.view.mark(null));
        this.showLine();
        this.showMarkers();
      }, (err) => {
        this.root.dataset.editor = 'failed';
        this.setStatus(`The editor could not be loaded (${String(err)}). Reload the page to try again.`);
      });
    }
    return this.editorLoading.then(() => {
      if (focus) this.editor?.focus();
    });
  }

  private onEdit(): void {
    if (this.model === null) return;
    this.code = this.model.getValue();
    this.errorMark = null;
    this.showMarkers();
    this.root.dataset.edited = String(this.code !== this.cfg.original);
    // the link is followed at once (a click right after typing): keep it current on every edit
    updateOpenLink(this.root, this.code);
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.persist(), 250);
    this.updateControls();
  }

  /** Saves a pending edit now (the page is being left). */
  flush(): void {
    if (this.saveTimer === null) return;
    clearTimeout(this.saveTimer);
    this.persist();
  }

  private persist(): void {
    this.saveTimer = null;
    if (this.cfg.storageKey !== null) saveCode(this.cfg.storageKey, this.code, this.cfg.original);
    updateOpenLink(this.root, this.code);
    if (this.cfg.urlState) {
      const url = new URL(location.href);
      url.hash = `code=${encodeCode(this.code)}`;
      history.replaceState(history.state, '', url);
    }
  }

  private hover(word: string): MonacoNS.IMarkdownString[] | null {
    const found = this.view.lookup(word);
    if (found === null) {
      this.view.mark(null);
      return null;
    }
    const o = found.object;
    this.view.mark(o.id);
    const value = o.repr !== '' ? ` = \`${o.repr.replace(/`/g, '\u02cb')}\`` : '';
    const rc = o.refcount === null
      ? 'immortal (sys.getrefcount shows 4294967295)'
      : `refcount ${o.refcount} (sys.getrefcount would show ${o.refcount + 1})`;
    return [
      { value: `**${found.name}** → \`${o.type}\`${value}`, isTrusted: false, supportHtml: false },
      { value: `${rc} · id ${hexAddress(o.address)} · ${o.size} bytes · in frame \`${found.frame}\``, isTrusted: false, supportHtml: false },
    ];
  }

  private showLine(): void {
    const m = this.monaco;
    if (this.lineDecorations === null || m === null) return;
    const line = this.state !== null && this.outcome !== null && this.step < this.outcome.steps - 1 ? this.state.line : 0;
    if (line > 0) {
      this.lineDecorations.set([{
        range: new m.Range(line, 1, line, 1),
        options: { isWholeLine: true, className: 'pg-current-line', linesDecorationsClassName: 'pg-current-gutter' },
      }]);
      this.editor?.revealLineInCenterIfOutsideViewport(line);
    } else {
      this.lineDecorations.clear();
    }
    this.root.dataset.currentLine = String(line);
  }

  private showMarkers(): void {
    const m = this.monaco;
    if (m === null || this.model === null) return;
    const e = this.errorMark;
    m.editor.setModelMarkers(this.model, 'python', e === null ? [] : [{
      severity: m.MarkerSeverity.Error,
      startLineNumber: e.line, startColumn: e.startColumn, endLineNumber: e.line, endColumn: e.endColumn,
      message: e.message,
      source: e.kind === 'syntax' ? 'SyntaxError' : 'uncaught exception',
    }]);
  }

  // ------------------------------------------------------------ running

  private get python(): PythonVersion {
    return (this.version.value || '3.12') as PythonVersion;
  }

  /** Runs the current code; resolves to whether there is a trace to show. */
  private async execute(): Promise<boolean> {
    this.busy = true;
    this.outcome = null;
    this.ranSource = null;
    this.state = null;
    this.step = -1;
    this.errorMark = null;
    this.showMarkers();
    this.showLine();
    this.root.dataset.status = 'running';
    this.setStatus('Running…');
    this.setOutput('', '');
    const source = this.code;
    const started = performance.now();
    const pending = this.runner.run(source, this.python);
    this.updateControls();
    const r = await pending;
    this.busy = false;
    if (r.status !== 'done') {
      this.root.dataset.status = r.status;
      this.setStatus(r.message ?? 'Stopped.');
      this.setOutput('', r.message ?? '');
      this.view.clear(r.status === 'error' ? 'The simulator failed on this program.' : 'The program was stopped: there is no memory to show.');
      this.updateControls();
      return false;
    }
    this.outcome = r;
    this.ranSource = source;
    this.errorMark = r.stderr !== '' ? findErrorMark(r.stderr, source) : null;
    this.showMarkers();
    const ms = Math.round(performance.now() - started);
    this.root.dataset.status = r.exitCode === 0 ? 'finished' : 'failed';
    this.root.dataset.exitCode = String(r.exitCode);
    this.setStatus(
      (r.exitCode === 0 ? 'Ran to the end' : 'Ended with an error') +
      ` in ${ms} ms`);
    this.setOutput(r.stdout, r.stderr);
    if (r.steps === 0) this.view.clear(this.errorMark?.kind === 'syntax'
      ? 'The program did not start: fix the syntax error first.'
      : 'Nothing to show.');
    this.updateControls();
    return r.steps > 0;
  }

  private async run(): Promise<void> {
    if (await this.execute()) await this.goTo(this.outcome!.steps - 1);
  }

  private async stepForward(): Promise<void> {
    if (this.busy) return;
    const fresh = this.outcome !== null && this.ranSource === this.code && this.python === this.version.value;
    if (!fresh || this.step < 0) {
      if (!fresh && !(await this.execute())) return;
      await this.goTo(0);
      return;
    }
    // at the end (after Run, or having stepped through), Step starts again from the first line
    await this.goTo(this.step < this.outcome!.steps - 1 ? this.step + 1 : 0);
  }

  private async goTo(k: number): Promise<void> {
    const r = this.outcome;
    if (r === null || r.steps === 0 || this.busy) return;
    k = Math.max(0, Math.min(r.steps - 1, k));
    const seq = ++this.seq;
    let s: WireState;
    try {
      s = await this.runner.state(k);
    } catch {
      return;
    }
    if (seq !== this.seq || this.outcome !== r) return;
    this.step = k;
    this.state = s;
    this.view.render(s);
    const last = k === r.steps - 1;
    if (last) this.setOutput(r.stdout, r.stderr);
    else this.setOutput(s.output, '');
    this.output.toggleAttribute('data-at-step', !last);
    this.showLine();
    this.updateControls();
  }

  private reset(): void {
    if (this.runner.running) this.runner.stop();
    this.busy = false;
    this.outcome = null;
    this.ranSource = null;
    this.state = null;
    this.step = -1;
    this.errorMark = null;
    this.code = this.cfg.original;
    if (this.model !== null) this.model.setValue(this.cfg.original);
    else this.showStatic(this.cfg.original);
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.cfg.storageKey !== null) clearCode(this.cfg.storageKey);
    if (this.cfg.urlState) this.persist();
    this.root.dataset.edited = 'false';
    this.root.dataset.status = 'idle';
    this.root.querySelector<HTMLElement>('.pg-notice')?.setAttribute('hidden', '');
    this.showMarkers();
    this.showLine();
    this.setOutput('', '');
    this.setStatus('');
    this.view.clear();
    this.updateControls();
  }

  /** Before Monaco: the author's highlighted code (kept in a template by element.ts). */
  private showStatic(code: string): void {
    const tpl = this.root.querySelector<HTMLTemplateElement>('template.pg-static');
    if (code === this.cfg.original && tpl !== null) this.editorHost.replaceChildren(tpl.content.cloneNode(true));
  }

  // ------------------------------------------------------------ output and controls

  private setOutput(stdout: string, stderr: string): void {
    this.output.removeAttribute('data-at-step');
    const parts: Node[] = [];
    if (stdout !== '') parts.push(document.createTextNode(stdout));
    if (stderr !== '') {
      const err = document.createElement('span');
      err.className = 'pg-stderr';
      err.textContent = stderr;
      parts.push(err);
    }
    this.output.replaceChildren(...parts);
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
  }

  private updateControls(): void {
    const running = this.runner.running;
    const r = this.outcome;
    const steps = r?.steps ?? 0;
    this.buttons.stop.disabled = !running;
    this.buttons.run.disabled = running;
    this.buttons.step.disabled = running;
    this.buttons.step.textContent = r !== null && this.ranSource === this.code && steps > 1 && this.step === steps - 1
      ? 'Step ↺' : 'Step ▶';
    this.buttons.step.title = this.buttons.step.textContent === 'Step ↺' ? 'Start stepping again from the first line' : 'Run the next line';
    this.buttons['step-back'].disabled = running || this.step <= 0;
    const max = Math.max(0, steps - 1);
    this.slider.disabled = running || steps <= 1;
    this.slider.max = String(max);
    this.slider.value = String(Math.max(0, this.step));
    this.slider.setAttribute('aria-valuemax', String(max));
    this.slider.setAttribute('aria-valuenow', String(Math.max(0, this.step)));
    let label = '';
    if (r !== null && steps > 0 && this.step >= 0) {
      const line = this.state?.line ?? 0;
      const entering = this.enteringFunction(line);
      label = this.step === steps - 1
        ? `step ${this.step} of ${max} · program ended`
        : entering !== null
          ? `step ${this.step} of ${max} · calling ${entering}()`
          : `step ${this.step} of ${max} · line ${line} next`;
    }
    this.slider.setAttribute('aria-valuetext', label || 'no run yet');
    this.stepLabel.textContent = label;
    this.root.dataset.step = String(this.step);
  }

  /**
   * The function being entered at this step, or null. A call's first step
   * stops on the function's `def` line (the trace's 'call' event, as
   * sys.settrace reports it) before its first line runs: saying "line 5 next"
   * there would suggest the def statement runs again.
   */
  private enteringFunction(line: number): string | null {
    const frames = this.state?.frames ?? [];
    const inner = frames[frames.length - 1];
    if (inner === undefined || frames.length < 2 || this.ranSource === null || line <= 0) return null;
    const text = this.ranSource.split('\n')[line - 1] ?? '';
    // the def of the frame's own function (not a def the frame is executing, as a class body or outer function does)
    const m = /^\s*(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(text);
    return m !== null && m[1] === inner.name ? inner.name : null;
  }

  dispose(): void {
    this.runner.dispose();
    this.view.dispose();
    this.editor?.dispose();
    this.model?.dispose();
  }
}
