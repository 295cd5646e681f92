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
.portal{font:16px/1.5 var(--portico-font);color:var(--portico-text);background:var(--portico-surface);
padding:calc(var(--portico-space)*2);border:1px solid var(--portico-border);border-radius:var(--portico-radius);text-align:start}
.title{font-size:22px;margin:0 0 var(--portico-space)}
.heading{font-size:18px;margin:0 0 var(--portico-space)}
.heading:focus{outline:none}
.heading:focus-visible{outline:2px solid var(--portico-accent);outline-offset:2px}
.muted{color:var(--portico-muted);margin:0 0 var(--portico-space)}
.field{display:flex;flex-direction:column;gap:4px;margin:0 0 var(--portico-space)}
label{font-weight:600;font-size:14px}
input{font:inherit;color:inherit;background:var(--portico-surface);padding:8px 10px;border:1px solid var(--portico-border);border-radius:calc(var(--portico-radius)/2)}
input[aria-invalid=true]{border-color:var(--portico-danger)}
.field-error,.form-message{color:var(--portico-danger);font-size:14px;margin:0}
.form-message:empty{display:none}
.form-message{margin:0 0 var(--portico-space)}
button{font:inherit;cursor:pointer}
button:focus-visible,input:focus-visible{outline:2px solid var(--portico-accent);outline-offset:2px}
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
`

/** Puts the stylesheet into a shadow root: a constructable stylesheet (CSP-safe), else a `<style>` element. */
export function applyStyles(root: ShadowRoot): void {
  if (
    'adoptedStyleSheets' in root &&
    typeof CSSStyleSheet !== 'undefined' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    root.adoptedStyleSheets = [sheet]
    return
  }
  const style = document.createElement('style')
  style.textContent = css
  root.append(style)
}
