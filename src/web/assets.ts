// Static assets served by the Worker: one stylesheet (screen and print) and two small scripts.
// Kept external so the content security policy can forbid inline scripts and styles.

export const APP_CSS = `
:root{--ink:#1b1f24;--muted:#5b6570;--line:#d5dae0;--accent:#0b5cad;--bad:#b3261e;--ok:#1e7b34;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
header.site{display:flex;justify-content:space-between;align-items:center;padding:.75rem 1.25rem;background:#fff;border-bottom:1px solid var(--line)}
header.site .brand{font-weight:700;text-decoration:none;color:var(--ink)}
main{max-width:72rem;margin:0 auto;padding:1.25rem}
h1{font-size:1.6rem;margin:.25rem 0 .5rem}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 20rem;gap:1.5rem;align-items:start}
@media (max-width:56rem){.layout{grid-template-columns:1fr}}
fieldset{border:1px solid var(--line);border-radius:.5rem;background:#fff;padding:1rem 1.25rem;margin:0 0 1.25rem}
legend{font-weight:700;padding:0 .25rem}
.field{margin:0 0 .9rem}
.field label,.field .label{display:block;font-weight:600;margin-bottom:.2rem}
.hint{color:var(--muted);font-size:.9rem;margin:.1rem 0 .3rem}
input[type=text],input[type=email],input[type=tel],input[type=number],select,textarea{width:100%;padding:.5rem .6rem;border:1px solid #9aa4ae;border-radius:.35rem;font:inherit;background:#fff}
textarea{min-height:6rem}
input:focus,select:focus,textarea:focus,button:focus,a:focus{outline:3px solid #7fb3ef;outline-offset:1px}
.row{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
@media (max-width:36rem){.row{grid-template-columns:1fr}}
.choices{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
.choices label{font-weight:400;display:inline-flex;gap:.35rem;align-items:center}
.check{display:flex;gap:.5rem;align-items:flex-start}
.check label{font-weight:400}
[aria-invalid=true]{border-color:var(--bad)!important}
.error{color:var(--bad);font-size:.92rem;margin:.2rem 0 0}
.summary{border:2px solid var(--bad);background:#fff;padding:.75rem 1rem;border-radius:.5rem;margin-bottom:1rem}
.notice{border-left:4px solid var(--accent);background:#fff;padding:.75rem 1rem;margin:0 0 1rem}
.rodo{font-size:.85rem;color:var(--muted)}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
button,.button{display:inline-block;background:var(--accent);color:#fff;border:0;border-radius:.4rem;padding:.65rem 1.2rem;font:inherit;font-weight:600;cursor:pointer;text-decoration:none}
button.secondary{background:#fff;color:var(--bad);border:1px solid var(--bad)}
aside.estimate{position:sticky;top:1rem;background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:1rem 1.25rem}
aside.estimate dl{margin:0}
aside.estimate dt{color:var(--muted);font-size:.85rem}
aside.estimate dd{margin:0 0 .6rem;font-weight:600}
table{width:100%;border-collapse:collapse;margin:.5rem 0 1rem;background:#fff}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top;font-size:.93rem}
td.num,th.num{text-align:right;white-space:nowrap}
.doc{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:1.5rem}
.parties{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}
.meta{display:grid;grid-template-columns:repeat(3,1fr);gap:.5rem;margin:1rem 0}
.status{display:inline-block;padding:.1rem .6rem;border-radius:1rem;border:1px solid var(--line);font-weight:600}
.status.accepted{color:var(--ok);border-color:var(--ok)}
.status.declined,.status.expired{color:var(--bad);border-color:var(--bad)}
.small{font-size:.85rem;color:var(--muted)}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;align-items:center;margin:1rem 0}
@media print{
  @page{size:A4;margin:14mm}
  body{background:#fff;font-size:10.5pt}
  header.site,.no-print,.actions,form.decision{display:none!important}
  main{padding:0;max-width:none}
  .doc{border:0;padding:0}
  table{page-break-inside:auto}
  tr{page-break-inside:avoid}
  h2{page-break-after:avoid}
  a{color:inherit;text-decoration:none}
}
`;

export const FORM_JS = `
(function(){
  var form=document.getElementById('quote-form'); if(!form) return;
  var box=document.getElementById('estimate-body');
  var lang=form.getAttribute('data-lang')||'pl';
  var t=JSON.parse(document.getElementById('i18n').textContent);
  var presets=JSON.parse(document.getElementById('presets').textContent);
  var key=(crypto.randomUUID?crypto.randomUUID():String(Date.now())+Math.random());
  var touched={};
  var NUM=['concurrentUsers','totalUsers','typicalAmount','longestAmount','budgetPln'];
  var WORK=['useCase','concurrentUsers','totalUsers','typicalAmount','longestAmount','amountUnit','fineTuning','modality','quality','speed','deployment','budgetPln','timeline'];
  function val(name){var el=form.elements[name]; if(!el) return undefined; var v=el.value; if(v===''||v==null) return undefined; if(NUM.indexOf(name)>=0){var n=Number(String(v).replace(/\\s/g,'').replace(',','.')); return isFinite(n)?n:v;} return v;}
  function workload(){var o={}; WORK.forEach(function(n){var v=val(n); if(v!==undefined) o[n]=v;}); return o;}
  function fmt(g){return new Intl.NumberFormat(lang==='pl'?'pl-PL':'en-GB',{style:'currency',currency:'PLN',maximumFractionDigits:0,useGrouping:'always'}).format(g/100);}
  function render(s){
    if(!s){box.textContent=t.estimateEmpty;return;}
    box.innerHTML='';
    var dl=document.createElement('dl');
    function add(k,v){var dt=document.createElement('dt');dt.textContent=k;var dd=document.createElement('dd');dd.textContent=v;dl.appendChild(dt);dl.appendChild(dd);}
    if(s.status!=='recommended'){add(t.estimateTier,t.customProject);box.appendChild(dl);return;}
    add(t.estimateTier,s.systemName+(s.units>1?' ×'+s.units:''));
    add(t.estimatePrice,s.netLowGrosze===s.netHighGrosze?fmt(s.netGrosze):fmt(s.netLowGrosze)+' – '+fmt(s.netHighGrosze));
    add(t.estimateSpeed,s.tokensPerSecond+' '+t.perStream);
    add(t.estimateContext,s.contextTokens.toLocaleString(lang==='pl'?'pl-PL':'en-GB')+' tok');
    box.appendChild(dl);
    box.setAttribute('data-tier',s.tier);
  }
  var timer=null, seq=0;
  function estimate(){
    var w=workload(); if(typeof w.concurrentUsers!=='number'||w.concurrentUsers<1){render(null);return;}
    var mine=++seq;
    fetch('/api/estimate?lang='+lang,{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(w)})
      .then(function(r){return r.ok?r.json():null}).then(function(j){ if(mine===seq) render(j&&j.summary); })
      .catch(function(){});
  }
  function schedule(){clearTimeout(timer);timer=setTimeout(estimate,250);}
  function applyPreset(){
    var p=presets[form.elements.useCase.value]; if(!p) return;
    var unit=form.elements.amountUnit.value; var k=unit==='tokens'?700:1;
    if(!touched.typicalAmount) form.elements.typicalAmount.value=p.typicalPages*k;
    if(!touched.longestAmount) form.elements.longestAmount.value=p.longestPages*k;
    if(!touched.modality) form.elements.modality.value=p.modality;
    if(!touched.deployment) form.elements.deployment.value=p.deployment;
  }
  form.addEventListener('input',function(e){ if(e.target&&e.target.name) touched[e.target.name]=true; schedule(); });
  form.addEventListener('change',function(e){ if(e.target&&e.target.name==='useCase') applyPreset(); if(e.target&&e.target.name==='amountUnit'){touched.typicalAmount=false;touched.longestAmount=false;applyPreset();} schedule(); });
  function clearErrors(){Array.prototype.forEach.call(form.querySelectorAll('.error[data-js]'),function(p){p.remove();}); Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'),function(el){el.removeAttribute('aria-invalid');});}
  form.addEventListener('submit',function(e){
    e.preventDefault(); clearErrors();
    var body={}; Array.prototype.forEach.call(form.elements,function(el){ if(!el.name||el.disabled) return; if(el.type==='checkbox'){ if(el.checked) body[el.name]=true; return;} if(el.type==='radio'&&!el.checked) return; var v=val(el.name); if(v!==undefined) body[el.name==='cf-turnstile-response'?'turnstileToken':el.name]= (el.name==='formStartedAt'?Number(v):v); });
    var btn=form.querySelector('button[type=submit]'); btn.disabled=true;
    fetch('/api/quote-requests?lang='+lang,{method:'POST',headers:{'content-type':'application/json','accept':'application/json','Idempotency-Key':key},body:JSON.stringify(body)})
      .then(function(r){return r.json().then(function(j){return {status:r.status,body:j};});})
      .then(function(res){
        btn.disabled=false;
        if(res.status===201){ location.assign(res.body.quoteUrl? new URL(res.body.quoteUrl).pathname+'?new=1&lang='+lang : '/?lang='+lang); return; }
        var fields=(res.body.error&&res.body.error.fields)||{}; var first=null;
        Object.keys(fields).forEach(function(name){ var el=form.elements[name]; var p=document.createElement('p'); p.className='error'; p.setAttribute('data-js','1'); p.id='err-'+name; p.textContent=fields[name];
          if(el&&el.nodeType===1){ el.setAttribute('aria-invalid','true'); el.setAttribute('aria-describedby','err-'+name); (el.closest('.field')||el.parentNode).appendChild(p); if(!first) first=el; } else { form.prepend(p); } });
        var summary=document.getElementById('form-status'); summary.textContent=(res.body.error&&res.body.error.message)||''; summary.hidden=false;
        (first||summary).focus();
      }).catch(function(){btn.disabled=false;});
  });
  schedule();
})();
`;

export const QUOTE_JS = `
(function(){ var b=document.getElementById('print'); if(b){ b.hidden=false; b.addEventListener('click',function(){ window.print(); }); } })();
`;
