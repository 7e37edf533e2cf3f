/**
 * Monaco, loaded only when a learner first interacts with a playground:
 * the editor API, the Python basic language (Monarch tokens and
 * brackets/comments), the editor worker, and a handful of editing
 * contributions (hover for markers and names, comments, brackets, clipboard,
 * word and line operations). Nothing else from monaco-editor is bundled.
 */

import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/editor/browser/coreCommands.js';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/languages/definitions/python/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';

export { monaco };

(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

/** What a playground answers when the learner hovers a word in its editor. */
export type HoverSource = (word: string) => monaco.IMarkdownString[] | null;

const hoverSources = new Map<string, HoverSource>();

monaco.languages.registerHoverProvider('python', {
  provideHover(model, position) {
    const source = hoverSources.get(model.uri.toString());
    const word = model.getWordAtPosition(position);
    if (source === undefined || word === null) return null;
    const contents = source(word.word);
    if (contents === null) return null;
    return {
      range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
      contents,
    };
  },
});

function isDark(): boolean {
  const root = document.documentElement;
  const t = root.dataset.effectiveTheme ?? root.dataset.theme;
  if (t === 'dark' || t === 'light') return t === 'dark';
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

// token colours close to the build-time github-light/github-dark highlighting,
// so the code does not change colour when the editor takes over
monaco.editor.defineTheme('pml-light', {
  base: 'vs', inherit: true,
  rules: [
    { token: 'keyword', foreground: 'cf222e' }, { token: 'string', foreground: '0a3069' },
    { token: 'number', foreground: '0550ae' }, { token: 'comment', foreground: '57606a' },
    { token: 'delimiter', foreground: '1f2328' }, { token: 'identifier', foreground: '1f2328' },
  ],
  colors: {
    'editor.background': '#ffffff', 'editorGutter.background': '#ffffff',
    'editorLineNumber.foreground': '#57606a', 'editorLineNumber.dimmedForeground': '#57606a',
    'editorLineNumber.activeForeground': '#1b1f24',
  },
});
monaco.editor.defineTheme('pml-dark', {
  base: 'vs-dark', inherit: true,
  rules: [
    { token: 'keyword', foreground: 'ff7b72' }, { token: 'string', foreground: 'a5d6ff' },
    { token: 'number', foreground: '79c0ff' }, { token: 'comment', foreground: '9ea7b3' },
    { token: 'delimiter', foreground: 'e6edf3' }, { token: 'identifier', foreground: 'e6edf3' },
  ],
  colors: {
    'editor.background': '#0f1216', 'editorGutter.background': '#0f1216',
    'editorLineNumber.foreground': '#9ea7b3', 'editorLineNumber.dimmedForeground': '#9ea7b3',
    'editorLineNumber.activeForeground': '#e6edf3',
  },
});

function applyTheme(): void {
  monaco.editor.setTheme(isDark() ? 'pml-dark' : 'pml-light');
}
applyTheme();
new MutationObserver(applyTheme).observe(document.documentElement, {
  attributes: true, attributeFilter: ['data-theme', 'data-effective-theme'],
});
window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', applyTheme);

let modelCount = 0;

export interface CreatedEditor {
  editor: monaco.editor.IStandaloneCodeEditor;
  model: monaco.editor.ITextModel;
}

/** A Python editor in `host` (its content replaced), sized to its content. */
export function createEditor(host: HTMLElement, code: string, label: string, hover: HoverSource): CreatedEditor {
  const uri = monaco.Uri.parse(`inmemory://playground/${++modelCount}.py`);
  const model = monaco.editor.createModel(code, 'python', uri);
  model.updateOptions({ tabSize: 4, insertSpaces: true });
  hoverSources.set(uri.toString(), hover);
  host.replaceChildren();
  const editor = monaco.editor.create(host, {
    model,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    lineHeight: 21,
    fontFamily: getComputedStyle(host).getPropertyValue('--font-mono').trim() || 'monospace',
    padding: { top: 12, bottom: 12 },
    lineNumbersMinChars: 3,
    glyphMargin: false,
    folding: false,
    renderLineHighlight: 'none',
    overviewRulerLanes: 0,
    hideCursorInOverviewRuler: true,
    scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
    ariaLabel: label,
    tabFocusMode: false,
    // the classic hidden textarea: its beforeinput can be intercepted (see below)
    editContext: false,
    fixedOverflowWidgets: true,
  });
  const fit = () => {
    const h = Math.min(Math.max(editor.getContentHeight(), 21 * 4 + 24), 21 * 28 + 24);
    host.style.height = `${h}px`;
    editor.layout();
  };
  // Multi-line text that arrives as one insertion (dictation, IME commits, automation
  // such as Playwright's insertText) goes in as written, like a paste: typed
  // character by character it would get auto-indented line after line.
  host.addEventListener('beforeinput', (e) => {
    if (e.inputType !== 'insertText' || e.data === null || !e.data.includes('\n')) return;
    e.preventDefault();
    e.stopPropagation();
    const text = e.data.replace(/\r\n?/g, '\n');
    const selections = editor.getSelections() ?? [];
    editor.pushUndoStop();
    editor.executeEdits('insert-text', selections.map((range) => ({ range, text, forceMoveMarkers: true })));
    editor.pushUndoStop();
  }, true);
  editor.onDidContentSizeChange(fit);
  fit();
  editor.onDidDispose(() => hoverSources.delete(uri.toString()));
  return { editor, model };
}
