/**
 * The widget's stylesheet. Sizes are in px, never rem, because rem follows the host page's
 * `html { font-size }`; the system font stack is used because `@font-face` does not register
 * inside a shadow root.
 */
export const css = `
:host{all:initial;display:block;contain:content;
--portico-accent:#1d4ed8;--portico-accent-text:#fff;--portico-text:#111827;--portico-muted:#4b5563;
--portico-surface:#fff;--portico-border:#9ca3af;--portico-danger:#b91c1c;--portico-radius:8px;--portico-space:12px;
--portico-font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
*{box-sizing:border-box}
.top{display:flex;align-items:center;gap:var(--portico-space);margin:0 0 var(--portico-space)}
.top .title{margin:0}
.logo{height:32px;width:auto}
.small{font-size:14px}
.portal{font:16px/1.5 var(--portico-font);color:var(--portico-text);background:var(--portico-surface);
padding:calc(var(--portico-space)*2);border:1px solid var(--portico-border);border-radius:var(--portico-radius);text-align:start}
.title{font-size:22px;margin:0 0 var(--portico-space)}
.heading{font-size:18px;margin:0 0 var(--portico-space)}
.heading:focus{outline:none}
.heading:focus-visible{outline:2px solid var(--portico-accent);outline-offset:2px}
.muted{color:var(--portico-muted);margin:0 0 var(--portico-space)}
.field{display:flex;flex-direction:column;gap:4px;margin:0 0 var(--portico-space)}
label{font-weight:600;font-size:14px}
label[data-required]::after{content:' *' / '';color:var(--portico-danger)}
input,select,textarea{font:inherit;color:inherit;background:var(--portico-surface);padding:8px 10px;border:1px solid var(--portico-border);border-radius:calc(var(--portico-radius)/2);max-width:100%}
[aria-invalid=true]{border-color:var(--portico-danger)}
.check{flex-direction:row;align-items:center;gap:8px}
.check input{width:18px;height:18px}
.hint{font-size:14px;color:var(--portico-muted);margin:0}
.field-error,.form-message{color:var(--portico-danger);font-size:14px;margin:0}
.form-message:empty{display:none}
.form-message{margin:0 0 var(--portico-space)}
button{font:inherit;cursor:pointer}
button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:2px solid var(--portico-accent);outline-offset:2px}
.secondary{background:var(--portico-surface);color:var(--portico-accent);border:1px solid var(--portico-accent)}
.button[aria-disabled=true],.choice[aria-disabled=true]{opacity:.7;cursor:not-allowed}
.notice{margin:0 0 var(--portico-space);padding:8px 12px;border-inline-start:4px solid var(--portico-accent);background:#eff6ff}
.notice:empty{display:none}
.problem{padding:12px;border:1px solid var(--portico-danger);border-radius:var(--portico-radius)}
.problem p{margin:0 0 8px}
.button{background:var(--portico-accent);color:var(--portico-accent-text);border:0;border-radius:var(--portico-radius);padding:10px 16px;font-weight:600}
.button[disabled]{opacity:.7;cursor:progress}
.link{background:none;border:0;padding:4px 0;color:var(--portico-accent);text-decoration:underline}
.row{display:flex;flex-wrap:wrap;gap:var(--portico-space);align-items:center;justify-content:space-between;margin-top:var(--portico-space)}
.choices,.applications{list-style:none;margin:0 0 var(--portico-space);padding:0;display:grid;gap:8px}
.choice{width:100%;text-align:start;background:var(--portico-surface);color:var(--portico-text);border:1px solid var(--portico-border);border-radius:var(--portico-radius);padding:12px}
.choice:hover{border-color:var(--portico-accent)}
.application{display:flex;flex-wrap:wrap;gap:8px;align-items:baseline;padding:12px;border:1px solid var(--portico-border);border-radius:var(--portico-radius)}
.application[aria-current=true]{border-color:var(--portico-accent)}
.badge{font-size:13px;padding:0 8px;border-radius:999px;background:#e5e7eb;color:var(--portico-text)}
@media (forced-colors:active){.button,.choice,.secondary{border:1px solid ButtonText}.portal{border-color:CanvasText}}
`

/** Adds a stylesheet to a shadow root: a constructable stylesheet (CSP-safe), else a `<style>` element. */
export function adoptStyles(root: ShadowRoot, text: string): void {
  if (
    'adoptedStyleSheets' in root &&
    typeof CSSStyleSheet !== 'undefined' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(text)
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
    return
  }
  const style = document.createElement('style')
  style.textContent = text
  root.append(style)
}

/** Puts the widget's base stylesheet into a shadow root. */
export function applyStyles(root: ShadowRoot): void {
  adoptStyles(root, css)
}
