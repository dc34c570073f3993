/**
 * @file The stylesheet and the one small script, held in memory and served from fixed paths:
 * no file is read for a request, nothing comes from another site (the server works offline),
 * and the Content-Security-Policy can forbid inline scripts and styles. The pages work without
 * the script; it adds organisation type-ahead and re-highlights a payment's sentence when its
 * amount is clicked twice.
 */
import { createHash } from 'node:crypto';

const CSS = `
:root{--ink:#1b1b1b;--muted:#505a5f;--line:#d0d5d8;--link:#14527a;--accent:#1d6fa5;--mark:#fff2a8;--bg:#fff;--panel:#f4f6f7}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--link)}a:focus,button:focus,input:focus,select:focus,mark:focus{outline:3px solid #fd0;outline-offset:1px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:2}
.top{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:center;padding:10px 16px;background:#0b3954;color:#fff}
.top a{color:#fff}.brand{font-weight:700;text-decoration:none;font-size:1.1em}
.top nav{display:flex;gap:16px;flex-wrap:wrap}.top nav a[aria-current]{text-decoration:underline 3px}
main{max-width:1200px;margin:0 auto;padding:16px}
.foot{max-width:1200px;margin:24px auto;padding:0 16px;color:var(--muted);font-size:.85em}
h1{font-size:1.5em;margin:.2em 0 .5em}h2{font-size:1.2em;margin:1.2em 0 .4em}h3{font-size:1em;margin:.8em 0 .2em}
form.search{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:12px}
form.search input[type=search]{flex:1 1 260px;font-size:1.05em;padding:8px;border:2px solid var(--ink);border-radius:0}
button{font:inherit;padding:8px 16px;background:var(--accent);color:#fff;border:0;cursor:pointer}
.hint{color:var(--muted);font-size:.9em;margin:.2em 0}
.layout{display:grid;grid-template-columns:260px 1fr;gap:24px}
@media (max-width:760px){.layout{grid-template-columns:1fr}.facets{order:2}}
.facets{font-size:.92em}.facets h2{font-size:1em;margin:1em 0 .3em;border-bottom:1px solid var(--line)}
.facets ul{list-style:none;margin:0;padding:0}.facets li{display:flex;justify-content:space-between;gap:8px;padding:1px 0}
.facets .count{color:var(--muted)}.facets .chosen{font-weight:700}
.facets form{display:flex;gap:4px}.facets form input{flex:1;min-width:0;padding:4px}.facets form button{padding:4px 8px}
.facets .sub{padding-left:12px}
.did-you-mean{background:var(--panel);border-left:4px solid var(--accent);padding:8px 12px}
.error{background:#fdecea;border-left:4px solid #b10e1e;padding:8px 12px}
.chips{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0;padding:0;list-style:none}
.chips a{display:inline-block;background:var(--panel);border:1px solid var(--line);padding:2px 8px;border-radius:12px;text-decoration:none;color:var(--ink)}
.sorts{display:flex;gap:12px;flex-wrap:wrap;align-items:baseline;margin:8px 0}
.sorts [aria-current]{font-weight:700;text-decoration:none;color:var(--ink)}
ol.results{list-style:none;padding:0;margin:0}
ol.results li{border-bottom:1px solid var(--line);padding:10px 0}
.results h2{font-size:1.05em;margin:0}.meta{color:var(--muted);font-size:.9em;margin:2px 0}
.snippet{margin:4px 0}.snippet .field{color:var(--muted);font-size:.85em}
mark{background:var(--mark);color:inherit;padding:0 1px}
mark[id]{scroll-margin-top:25vh}
mark:target,mark.flash{background:#ffd400;box-shadow:0 0 0 3px #ffd400}
.pager{display:flex;gap:12px;margin:16px 0;flex-wrap:wrap}
table{border-collapse:collapse;width:100%;font-size:.92em}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}
.table-wrap{overflow-x:auto}
dl.header{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0 0 12px}
dl.header dt{color:var(--muted)}dl.header dd{margin:0}
.summary{font-size:1.05em;background:var(--panel);padding:10px 14px}
.decision{display:grid;grid-template-columns:1fr 240px;gap:24px}
@media (min-width:901px){.contents{position:sticky;top:8px;align-self:start;max-height:96vh;overflow:auto}}
@media (max-width:900px){.decision{grid-template-columns:1fr}.contents{order:-1}}
.contents{font-size:.92em}.contents ol{padding-left:18px}
.para{display:flex;gap:10px;margin:.5em 0}.para .pn{flex:0 0 3.5em;color:var(--muted);text-align:right;text-decoration:none}.para:target{background:var(--panel)}
.para p{margin:0;flex:1}
.remedies ul{margin:.2em 0 .6em}.deadline{color:var(--muted)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,760px),1fr));gap:12px}
.charts figure{margin:0}.charts svg{width:100%;max-width:960px;height:auto;border:1px solid var(--line)}
td.ref{white-space:nowrap}
.downloads{display:flex;gap:12px;flex-wrap:wrap;align-items:center}
.downloads a{background:var(--accent);color:#fff;padding:6px 12px;text-decoration:none}
`;

const JS = `
(function(){
  'use strict';
  // Organisation type-ahead: fill the datalist from the server's completions as the user types.
  var input=document.getElementById('organisation-input');
  var list=document.getElementById('organisation-list');
  if(input&&list){
    var timer=null,last='';
    input.addEventListener('input',function(){
      clearTimeout(timer);
      timer=setTimeout(function(){
        var prefix=input.value.trim();
        if(prefix===last)return;last=prefix;
        fetch('/api/complete?kind=organisation&prefix='+encodeURIComponent(prefix)).then(function(r){return r.ok?r.json():[]}).then(function(names){
          while(list.firstChild)list.removeChild(list.firstChild);
          names.forEach(function(n){var o=document.createElement('option');o.value=n;list.appendChild(o);});
        }).catch(function(){});
      },150);
    });
  }
  // In-page highlighting: an amount's link flashes its sentence, also when clicked again.
  function flash(id){
    var el=id&&document.getElementById(id);
    if(!el)return;
    document.querySelectorAll('mark.flash').forEach(function(m){m.classList.remove('flash');});
    el.classList.add('flash');
    if(el.focus)el.focus({preventScroll:true});
  }
  document.addEventListener('click',function(e){
    var a=e.target.closest&&e.target.closest('a[data-sentence]');
    if(a)setTimeout(function(){flash(a.getAttribute('data-sentence'));},0);
  });
  if(location.hash)flash(decodeURIComponent(location.hash.slice(1)));
})();
`;

function fingerprint(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 10);
}

/** The assets' paths carry a hash of their content, so browsers may cache them for good. */
export const ASSET_PATHS = { css: `/assets/style-${fingerprint(CSS)}.css`, js: `/assets/app-${fingerprint(JS)}.js` } as const;

/** The body and content type for an asset path, or null. Only these two fixed paths exist. */
export function asset(pathname: string): { body: string; type: string } | null {
  if (pathname === ASSET_PATHS.css) return { body: CSS, type: 'text/css; charset=utf-8' };
  if (pathname === ASSET_PATHS.js) return { body: JS, type: 'text/javascript; charset=utf-8' };
  return null;
}
