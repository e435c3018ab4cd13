/* sysrisk risk page: plain JavaScript over GET /monitor/overview, /monitor/.../history (chunks), /window,
   /monitor/evidence and GET /model. Every number shown comes from the server; nothing is computed here but
   layout, episode boundaries for shading, the CSV text, and, for several markets at once, each market's own
   date,close request and the count of markets in alarm per day. */
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const COLORS = { index: '#1a1a1a', prob: '#0072B2', vol: '#56B4E9', thr: '#1a1a1a', alarm: 'rgba(230,159,0,0.30)',
                   onset: '#D55E00', chosen: '#CC79A7', near: '#009E73', far: '#6a3d9a' };
  const state = { overview: null, model: null, source: null, csv: null, h: emptyHistory(), charts: [], chosen: null,
                  loading: 0 };
  window.sysrisk = state; // for the browser tests and the curious

  function emptyHistory() {
    return { dates: [], x: [], close: [], probability: [], alert: [], volatility: [], onsets: [], warnings: [],
             members: [], terms: {}, labelKnownUntil: null, chunks: 0, loaded: 0, modelSha256: null };
  }

  function pct(v, digits) { return v == null ? 'n/a' : (100 * v).toFixed(digits == null ? 1 : digits) + '%'; }
  // A report writes a figure it cannot compute (no onset in a period) as NaN, which JSON carries as the text "NaN".
  function num(v, d) { return v == null || !Number.isFinite(Number(v)) ? 'n/a' : Number(v).toFixed(d); }
  function iv(o, d) { return o ? '[' + num(o.low, d) + ', ' + num(o.high, d) + ']' : ''; }
  function esc(s) { return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c])); }
  function toX(date) { return Date.parse(date + 'T00:00:00Z') / 1000; }

  function showError(msg) {
    const e = $('error');
    e.textContent = msg;
    e.hidden = !msg;
  }

  async function getJson(url, init) {
    const r = await fetch(url, init);
    const body = await r.json().catch(() => null);
    if (!r.ok) {
      throw new Error((body && body.error) || ('HTTP ' + r.status + ' from ' + url));
    }
    return body;
  }

  // ---- the alarm's preference: which rule alerts (GET /model's alarms), chosen by the user ----
  /** The weight on a missed fall, in words for the control. */
  function preferenceWords(mu) {
    if (mu < 0.5) return mu + ': a false alarm costs more than a missed fall';
    if (mu > 0.5) return mu + ': a missed fall costs more than a false alarm';
    return mu + ': both cost the same';
  }

  function currentRule() {
    const a = state.overview.alarms;
    return a.offered.find((r) => r.preference === state.preference) || a.offered[0];
  }

  /** Points the overview's alarm fields (the charts' threshold lines, the texts) at the chosen preference's rule. */
  function applyPreference(mu) {
    const o = state.overview;
    state.preference = mu;
    const r = currentRule();
    o.alarmBy = r.by;
    o.threshold = r.by === 'model' ? r.threshold : o.probabilityThreshold;
    o.volatilityThreshold = r.by === 'volatility' ? r.threshold : null;
    $('preference-rule').textContent = 'At this preference: ' + r.inWords + '.';
  }

  function setUpPreference(o) {
    const sel = $('preference');
    for (const r of o.alarms.offered) {
      const opt = document.createElement('option');
      opt.value = String(r.preference);
      opt.textContent = preferenceWords(r.preference) + (r.preference === o.alarms.preference ? ' (default)' : '');
      sel.appendChild(opt);
    }
    sel.value = String(o.alarms.preference);
    applyPreference(o.alarms.preference);
    sel.addEventListener('change', () => {
      applyPreference(Number(sel.value));
      renderCard();
      if (state.source && state.source.kind === 'market') loadMarket(state.source.id, state.chosen);
      else if (state.source && state.source.kind === 'upload') loadUpload(state.csv);
      else if (state.source && state.source.kind === 'all') loadAllMarkets();
    });
  }

  /** The query parameter that asks for the chosen preference's alarm. */
  function prefParam() {
    return '&preference=' + encodeURIComponent(state.preference);
  }

  // ---- start ----
  async function start() {
    try {
      const [overview, model] = await Promise.all([getJson('/monitor/overview'), getJson('/model')]);
      state.overview = overview;
      state.model = model;
      overview.probabilityThreshold = overview.threshold;
      setUpPreference(overview);
      $('model-line').textContent = 'model ' + overview.modelVersion + ' (parameters ' +
        overview.modelSha256.slice(0, 12) + ', made ' + overview.createdAt + ') · ' + overview.label;
      const sel = $('market');
      for (const m of overview.markets) {
        const o = document.createElement('option');
        o.value = m.id;
        o.textContent = m.id + ': ' + m.about.replace(/ \(.*$/, '') + ' (' + m.first.slice(0, 4) + '-' + m.last.slice(0, 4) + ')';
        sel.appendChild(o);
      }
      if (!overview.closeOnly) {
        // A model of several columns (an OHLCV file, an index with its members): the page scores the user's file.
        const header = 'date,' + overview.columns.join(',');
        $('market-label').hidden = true;
        $('market-or').hidden = true;
        $('file-hint').innerHTML = 'Your CSV with the columns this model reads: <code>' + esc(header) +
          '</code>, oldest first';
        $('paste').placeholder = header;
        $('today').textContent = 'Model ' + overview.modelVersion + ' reads ' + overview.columns.length +
          ' columns per day (' + overview.columns.join(', ') + '): drop or paste a CSV with the header ' + header + '.';
        renderCard();
        loadEvidence();
        return;
      }
      renderCard();
      loadEvidence();
      if (overview.systemic) loadSystem();
      // The page opens on the most recent data it has: the market whose history ends last (the first of a tie).
      const latest = overview.markets.reduce((a, m) => (a == null || m.last > a.last ? m : a), null);
      if (latest) sel.value = latest.id;
      const link = parseHash();
      if (link.market && overview.markets.some((m) => m.id === link.market)) {
        sel.value = link.market;
      }
      sel.addEventListener('change', () => loadMarket(sel.value, null));
      // A permalink opened in a tab that already shows the page changes only the hash.
      window.addEventListener('hashchange', () => {
        const l = parseHash();
        if (l.market && l.market !== (state.source && state.source.id) && overview.markets.some((m) => m.id === l.market)) {
          sel.value = l.market;
          loadMarket(l.market, l.date);
        } else if (l.date && l.date !== state.chosen && state.h.dates.includes(l.date)) {
          explain(l.date);
        }
      });
      await loadMarket(sel.value, link.date);
    } catch (err) {
      showError(err.message);
    }
  }

  function parseHash() {
    const out = {};
    for (const part of location.hash.replace(/^#/, '').split('&')) {
      const [k, v] = part.split('=');
      if (k) out[k] = decodeURIComponent(v || '');
    }
    return out;
  }

  function updatePermalink() {
    const a = $('permalink');
    if (!state.source || state.source.kind !== 'market') {
      a.removeAttribute('href');
      a.textContent = 'Permalink (embedded markets only)';
      return;
    }
    const hash = '#market=' + encodeURIComponent(state.source.id) + (state.chosen ? '&date=' + state.chosen : '');
    a.href = hash;
    a.textContent = 'Permalink';
    history.replaceState(null, '', hash);
  }

  // ---- loading a history, chunk by chunk (newest first, so "today" shows at once) ----
  async function loadMarket(id, date) {
    showMode(false);
    const info = state.overview.markets.find((m) => m.id === id);
    state.source = { kind: 'market', id: id, inTraining: info && info.inTraining };
    state.csv = null;
    await loadHistory((chunk) => getJson('/monitor/markets/' + encodeURIComponent(id) + '/history?chunk=' + chunk + prefParam()),
      date, info ? info.chunks : 0);
  }

  async function loadUpload(text) {
    showMode(false);
    state.source = { kind: 'upload', id: 'upload', inTraining: false };
    state.csv = text;
    await loadHistory((chunk) => getJson('/monitor/upload/history?chunk=' + chunk + prefParam(),
      { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: text }), null, 0);
  }

  /** {@code known}: the number of chunks when the overview says it (an embedded market), else 0 (an upload). */
  async function loadHistory(fetchChunk, date, known) {
    const ticket = ++state.loading;
    showError('');
    state.h = emptyHistory();
    state.chosen = null;
    $('download').disabled = true;
    $('progress').textContent = 'scoring…';
    try {
      // The newest chunk first when its number is known, so that today shows after one request.
      const first = await fetchChunk(known > 0 ? known - 1 : 0);
      const last = first.chunks > 1 && first.chunk === 0 ? [first, await fetchChunk(first.chunks - 1)] : [first];
      if (ticket !== state.loading) return;
      const total = last[0].chunks;
      const got = new Map(last.map((c) => [c.chunk, c]));
      merge(got, total);
      renderToday();
      draw();
      let serverMs = last.reduce((s, c) => s + c.serverMs, 0);
      for (let k = total - 1; k >= 0; k--) {
        if (got.has(k)) continue;
        $('progress').textContent = 'scored ' + state.h.dates.length.toLocaleString('en') + ' dates (' +
          got.size + ' of ' + total + ' parts)…';
        const c = await fetchChunk(k);
        if (ticket !== state.loading) return;
        got.set(k, c);
        serverMs += c.serverMs;
        merge(got, total);
        setData();
      }
      $('progress').textContent = state.h.dates.length.toLocaleString('en') + ' dates scored, ' +
        state.h.dates[0] + ' to ' + state.h.dates[state.h.dates.length - 1] + ' (' + total + ' request' +
        (total > 1 ? 's' : '') + ' of at most ' + state.overview.chunkDates + ' dates; ' + Math.round(serverMs) +
        ' ms of server time).';
      $('download').disabled = false;
      document.body.dataset.loaded = state.source.id;
      if (date && state.h.dates.includes(date)) {
        explain(date);
      }
      updatePermalink();
    } catch (err) {
      if (ticket === state.loading) {
        $('progress').textContent = '';
        showError(err.message);
      }
    }
  }

  /** The history from the chunks held so far, oldest first (chunks arrive out of order). */
  function merge(got, total) {
    const h = emptyHistory();
    h.chunks = total;
    const keys = [...got.keys()].sort((a, b) => a - b);
    for (const k of keys) {
      const c = got.get(k);
      h.dates.push(...c.dates);
      h.close.push(...c.close);
      h.probability.push(...c.probability);
      h.alert.push(...c.alert);
      h.volatility.push(...c.volatility);
      h.onsets.push(...c.onsets);
      if (c.membersInDrawdown) h.members.push(...c.membersInDrawdown);
      if (c.termStructure) {
        for (const [k, v] of Object.entries(c.termStructure)) (h.terms[k] = h.terms[k] || []).push(...v);
      }
      for (const w of c.warnings) if (!h.warnings.includes(w)) h.warnings.push(w);
      h.labelKnownUntil = c.labelKnownUntil;
      h.modelSha256 = c.modelSha256;
    }
    h.x = h.dates.map(toX);
    h.loaded = keys.length;
    state.h = h;
  }

  // ---- today in words ----
  function renderToday() {
    const h = state.h;
    const o = state.overview;
    const i = h.dates.length - 1;
    if (i < 0) return;
    const alert = h.alert[i];
    const r = currentRule();
    const rule = 'At preference ' + preferenceWords(r.preference) + ', the alarm is: ' + r.inWords +
      (r.by === 'volatility' ? ' (today ' + pct(h.volatility[i]) + ')' : '') + '.';
    const ranks = notCalibrated();
    $('today').innerHTML = 'On <strong>' + h.dates[i] + '</strong> (the latest date) the model ' + (ranks
      ? 'scores <span class="p">' + pct(h.probability[i]) + '</span> for: ' + esc(lowerFirst(o.label)) + '. ' +
        '<span id="score-meaning">' + esc(scoreMeaning(h.probability[i])) + '</span> '
      : 'gives <span class="p">' + pct(h.probability[i]) + '</span> probability that ' + esc(lowerFirst(o.label)) + '. ') +
      '<span class="' + (alert ? 'alert-on' : '') + '">Alert: ' + (alert ? 'ON' : 'off') + '.</span> ' + esc(rule) +
      (o.indexColumn && h.members.length ? ' <span id="members-today">' + pct(h.members[i], 0) + ' of ' +
        (o.columns.length - 1) + ' members are more than ' + pct(o.memberDrawdown, 0) + ' below their high of the last 250 days.</span>' : '') +
      (o.horizons ? ' <span id="term-today">' + esc(howSoon((k) => (h.terms[k] || [])[i])) + '</span>' : '');
    const ins = $('in-sample');
    ins.hidden = !state.source.inTraining;
    ins.textContent = state.source.inTraining
      ? 'This market\u2019s history was in the served model\u2019s training data, so the chart below is in-sample. ' +
        'Out-of-sample evidence (each market held out with its era) is under \u201cHow much to trust it\u201d.'
      : '';
    const ul = $('warnings');
    ul.innerHTML = '';
    for (const w of h.warnings) {
      const li = document.createElement('li');
      li.textContent = 'data warning: ' + w;
      ul.appendChild(li);
    }
  }

  function lowerFirst(s) { return s ? s.charAt(0).toLowerCase() + s.slice(1) : s; }

  // The study's verdict on the served number (GET /model's outOfSample.probability): null when it has none.
  function probabilityVerdict() {
    const oos = state.model && state.model.outOfSample;
    return oos && oos.probability ? oos.probability : null;
  }

  function notCalibrated() {
    const v = probabilityVerdict();
    return v != null && !v.calibrated;
  }

  // What a score level meant out of sample: the observed onset rate among the held-out windows scored in its decile.
  function scoreMeaning(p) {
    const v = probabilityVerdict();
    if (!v || p == null) return '';
    const bins = v.observedRateByScore;
    let bin = bins[0];
    for (const b of bins) { if (p >= b.from) bin = b; }
    return 'It ranks days and is not a calibrated probability: on data held out in its study, days scored ' +
      pct(bin.from) + '-' + pct(bin.to) + ' were followed by such a fall ' + pct(bin.observedRate) + ' of the time (' +
      bin.windows.toLocaleString('en') + ' days).';
  }

  /** A term structure in words: "within 5 trading days 2.1%, within 20 ..." (null for a one-horizon model). */
  function howSoon(at) {
    const hs = state.overview.horizons;
    if (!hs) return null;
    // Where the evidence says the served horizon's number is no probability, every horizon is named a score.
    const word = notCalibrated() ? 'score' : 'probability';
    return 'How soon: the ' + word + ' that such a fall starts within ' + hs.map((d) => d + ' trading days is ' +
      pct(at(String(d))) + (d === state.overview.servedHorizon ? ' (the ' + word + ' above)' : '')).join(', within ') +
      '. These never decrease with the horizon: one model gives them all.' +
      (notCalibrated() ? ' They rank days; they are not calibrated probabilities.' : '');
  }

  // ---- charts (uPlot), synchronized cursor and zoom ----
  function episodes() {
    const out = [];
    const a = state.h.alert;
    let s = -1;
    for (let i = 0; i <= a.length; i++) {
      if (i < a.length && a[i]) { if (s < 0) s = i; } else if (s >= 0) { out.push([s, i - 1]); s = -1; }
    }
    return out;
  }

  function shadingPlugin() {
    return {
      hooks: {
        drawClear: (u) => {
          const ctx = u.ctx;
          const top = u.bbox.top;
          const height = u.bbox.height;
          ctx.save();
          ctx.fillStyle = COLORS.alarm;
          const x = state.h.x;
          for (const [s, e] of episodes()) {
            const x0 = u.valToPos(x[s] - 43200, 'x', true);
            const x1 = u.valToPos(x[e] + 43200, 'x', true);
            ctx.fillRect(x0, top, Math.max(1, x1 - x0), height);
          }
          ctx.restore();
        },
        draw: (u) => {
          const ctx = u.ctx;
          ctx.save();
          // Onsets: a thin line and a triangle on the axis, so that decades of them do not hide the series.
          ctx.strokeStyle = 'rgba(213,94,0,0.45)';
          ctx.fillStyle = COLORS.onset;
          ctx.lineWidth = devicePixelRatio;
          const bottom = u.bbox.top + u.bbox.height;
          const s = 5 * devicePixelRatio;
          for (const d of state.h.onsets) {
            const px = u.valToPos(toX(d), 'x', true);
            ctx.beginPath();
            ctx.moveTo(px, u.bbox.top);
            ctx.lineTo(px, bottom);
            ctx.stroke();
            ctx.beginPath();
            ctx.moveTo(px, bottom - 1.6 * s);
            ctx.lineTo(px - s, bottom);
            ctx.lineTo(px + s, bottom);
            ctx.closePath();
            ctx.fill();
          }
          if (state.chosen) {
            ctx.strokeStyle = COLORS.chosen;
            ctx.setLineDash([4, 3]);
            const px = u.valToPos(toX(state.chosen), 'x', true);
            ctx.beginPath();
            ctx.moveTo(px, u.bbox.top);
            ctx.lineTo(px, u.bbox.top + u.bbox.height);
            ctx.stroke();
          }
          ctx.restore();
        },
      },
    };
  }

  function width() { return Math.max(280, $('chart-index').parentElement.clientWidth); }

  function draw() {
    for (const c of state.charts) c.destroy();
    state.charts = [];
    const o = state.overview;
    const sync = uPlot.sync('sysrisk');
    const base = (title, height, series, scaleY) => ({
      width: width(), height: height, title: '', plugins: [shadingPlugin()],
      cursor: { sync: { key: sync.key, setSeries: false }, drag: { x: true, y: false } },
      scales: { x: { time: true }, y: scaleY || {} }, legend: { live: true },
      series: [{ label: 'date', value: (u, v) => v == null ? '' : new Date(v * 1000).toISOString().slice(0, 10) }].concat(series),
      axes: [{}, { size: 60 }],
      hooks: { setSelect: [zoomAll], ready: [(u) => u.over.addEventListener('click', () => clickAt(u))] },
    });
    const probThreshold = o.alarmBy === 'model' ? o.threshold : null;
    // A term structure: the other horizons beside the served one, dashed (the shortest green, the longest purple).
    const others = o.horizons ? o.horizons.filter((d) => d !== o.servedHorizon) : [];
    $('prob-caption').textContent = (notCalibrated() ? 'Model score' : 'Probability of a systemic event') +
      (o.horizons ? ' within ' + o.servedHorizon + ' trading days (solid) and within ' + others.join(' and ') +
      ' (dashed)' : '') + (probThreshold == null
      ? ' (at this preference the alarm does not read it)' : ', alarm threshold ' + pct(probThreshold)) +
      (notCalibrated() ? '. It ranks days; it is not a calibrated probability.' : '');
    $('vol-caption').textContent = 'Reference: 20-day realized volatility (annualized)' + (o.volatilityThreshold != null
      ? ', alarm threshold ' + pct(o.volatilityThreshold) : '');
    const fmtPct = (u, v) => v == null ? '' : pct(v);
    const thrSeries = (label) => ({ label: label, stroke: COLORS.thr, dash: [6, 4], width: 1, points: { show: false }, value: fmtPct });
    const indexName = o.indexColumn || 'close';
    $('index-caption').textContent = (o.indexColumn ? 'Index ' + o.indexColumn : 'Index close') + ' (log scale)';
    const specs = [
      ['chart-index', base('index', 200, [{ label: indexName, stroke: COLORS.index, width: 1 }], { distr: 3 }),
        () => [state.h.x, state.h.close]],
      ['chart-prob', base('probability', 170, [{ label: o.horizons ? 'within ' + o.servedHorizon + ' days' : 'probability',
        stroke: COLORS.prob, width: 1, value: fmtPct }]
        .concat(others.map((d) => ({ label: 'within ' + d + ' days', stroke: d < o.servedHorizon ? COLORS.near : COLORS.far,
          width: 1, dash: [4, 3], value: fmtPct })))
        .concat(probThreshold == null ? [] : [thrSeries('alarm threshold')]), { range: [0, null] }),
        () => [state.h.x, state.h.probability].concat(others.map((d) => state.h.terms[String(d)] || []))
          .concat(probThreshold == null ? [] : [state.h.x.map(() => probThreshold)])],
      ['chart-vol', base('volatility', 170, [{ label: 'volatility', stroke: COLORS.vol, width: 1.5, value: fmtPct }]
        .concat(o.volatilityThreshold == null ? [] : [thrSeries('alarm threshold')]), { range: [0, null] }),
        () => [state.h.x, state.h.volatility].concat(o.volatilityThreshold == null ? [] : [state.h.x.map(() => o.volatilityThreshold)])],
    ];
    $('members-figure').hidden = !o.indexColumn;
    if (o.indexColumn) {
      $('members-caption').textContent = 'Members’ state: share of the ' + (o.columns.length - 1) + ' members more than ' +
        pct(o.memberDrawdown, 0) + ' below their high of the last 250 days';
      specs.push(['chart-members', base('members', 130, [{ label: 'members in drawdown', stroke: COLORS.onset, width: 1.5,
        fill: 'rgba(213,94,0,0.12)', value: fmtPct }], { range: [0, 1] }), () => [state.h.x, state.h.members]]);
    }
    for (const [id, opts, data] of specs) {
      const el = $(id);
      el.innerHTML = '';
      const u = new uPlot(opts, data(), el);
      u.sysriskData = data;
      state.charts.push(u);
      el.onkeydown = keyNav;
    }
  }

  function setData() {
    if (!state.charts.length) { draw(); return; }
    for (const u of state.charts) u.setData(u.sysriskData(), true);
  }

  function zoomAll(u) {
    if (u.select.width < 2) return;
    const min = u.posToVal(u.select.left, 'x');
    const max = u.posToVal(u.select.left + u.select.width, 'x');
    setRange(min, max);
    u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
  }

  function setRange(min, max) {
    for (const c of state.charts) c.setScale('x', { min: min, max: max });
  }

  function rangeDays(days) {
    const x = state.h.x;
    if (!x.length) return;
    const max = x[x.length - 1];
    setRange(days === 'all' ? x[0] : Math.max(x[0], max - days * 86400), max);
  }

  function pan(direction) {
    const u = state.charts[0];
    if (!u) return;
    const min = u.scales.x.min;
    const max = u.scales.x.max;
    const step = (max - min) * 0.5 * direction;
    const x = state.h.x;
    const lo = Math.max(x[0], Math.min(min + step, x[x.length - 1] - (max - min)));
    setRange(lo, lo + (max - min));
  }

  function clickAt(u) {
    const i = u.cursor.idx;
    if (i != null && state.h.dates[i]) explain(state.h.dates[i]);
  }

  function keyNav(ev) {
    const h = state.h;
    if (!h.dates.length) return;
    let i = state.chosen ? h.dates.indexOf(state.chosen) : h.dates.length - 1;
    if (ev.key === 'ArrowLeft') i = Math.max(0, i - 1);
    else if (ev.key === 'ArrowRight') i = Math.min(h.dates.length - 1, i + 1);
    else if (ev.key === '+' || ev.key === '=') { zoomKey(0.5); return; }
    else if (ev.key === '-') { zoomKey(2); return; }
    else if (ev.key === 'Enter') { /* explain the current date */ }
    else return;
    ev.preventDefault();
    explain(h.dates[i]);
  }

  function zoomKey(factor) {
    const u = state.charts[0];
    const mid = state.chosen ? toX(state.chosen) : (u.scales.x.min + u.scales.x.max) / 2;
    const half = (u.scales.x.max - u.scales.x.min) * factor / 2;
    setRange(mid - half, mid + half);
  }

  // ---- why: one window ----
  async function explain(date) {
    state.chosen = date;
    $('explain-date').value = date;
    for (const c of state.charts) c.redraw(false);
    updatePermalink();
    try {
      const d = state.source.kind === 'market'
        ? await getJson('/monitor/markets/' + encodeURIComponent(state.source.id) + '/window?date=' + date + prefParam())
        : await getJson('/monitor/upload/window?date=' + date + prefParam(),
          { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: state.csv });
      if (state.chosen !== date) return;
      renderWindow(d);
    } catch (err) {
      showError(err.message);
    }
  }

  function renderWindow(d) {
    $('why-summary').innerHTML = 'Window ending <strong>' + d.asOf + '</strong>: ' + (notCalibrated() ? 'score ' : 'probability ') + pct(d.probability) +
      (notCalibrated() ? ' (' + esc(scoreMeaning(d.probability).replace(/^It ranks days and is not a calibrated probability: /, '')
        .replace(/\.$/, '')) + ')' : '') +
      ', alert ' + (d.alert ? '<strong>ON</strong>' : 'off') + ', 20-day volatility ' + pct(d.volatility) +
      '. ' + (d.termStructure ? esc(howSoon((k) => d.termStructure[k])) + ' ' : '') +
      'Darker days weighed more in the model\u2019s attention (' + d.dates[0] + ' to ' + d.dates[d.dates.length - 1] + ').';
    const strip = $('attention');
    strip.innerHTML = '';
    const max = Math.max(...d.attention);
    d.attention.forEach((w, k) => {
      const cell = document.createElement('div');
      cell.setAttribute('role', 'listitem');
      cell.title = d.dates[k] + ': ' + (100 * w).toFixed(2) + '%';
      cell.setAttribute('aria-label', cell.title);
      cell.style.background = 'rgba(0,114,178,' + (max > 0 ? (0.08 + 0.92 * w / max).toFixed(3) : 0) + ')';
      strip.appendChild(cell);
    });
    strip.dataset.days = String(d.attention.length);
    const note = $('attention-note');
    note.textContent = state.overview.card.attentionLearned ? ''
      : 'Read this strip with care: every network of this model kept its initial weights (best epoch 0, see the ' +
        'model card), so its attention comes from random initialization, not from training. Its probability is, in ' +
        'effect, the logistic reference on the last day\u2019s 20-day volatility: the inputs below are the reasons.';
    note.hidden = !note.textContent;
    renderAttribution(d);
    const cols = $('columns');
    cols.hidden = !(d.columns && d.columns.length > 1);
    if (!cols.hidden) {
      cols.innerHTML = '<caption>The input columns on ' + d.asOf + '</caption><thead><tr>' +
        d.columns.map((c) => '<th scope="col">' + esc(c) + (c === state.overview.indexColumn ? ' (index)' : '') + '</th>').join('') +
        '</tr></thead><tbody><tr>' + d.columnValues.map((v) => '<td>' + num(v, 2) + '</td>').join('') + '</tr></tbody>';
    }
    const t = $('features');
    let html = '<caption>Inputs of the window (raw feature values, oldest first)</caption><thead><tr><th scope="col">date</th>' +
      '<th scope="col">attention</th>' + d.features.map((f) => '<th scope="col">' + esc(f) + '</th>').join('') + '</tr></thead><tbody>';
    d.values.forEach((row, k) => {
      html += '<tr' + (k === d.values.length - 1 ? ' class="chosen"' : '') + '><td>' + d.dates[k] + '</td><td>' +
        (100 * d.attention[k]).toFixed(2) + '%</td>' + row.map((v) => '<td>' + num(v, 4) + '</td>').join('') + '</tr>';
    });
    t.innerHTML = html + '</tbody>';
  }

  /** Signed percentage points, e.g. +1.2 pts. */
  function pts(v) { return (v >= 0 ? '+' : '\u2212') + Math.abs(100 * v).toFixed(2) + ' pts'; }

  /** A contribution as a bar, its length relative to {@code max}. */
  function bar(v, max) {
    const w = max > 0 ? Math.round(80 * Math.abs(v) / max) : 0;
    return '<span class="bar ' + (v >= 0 ? 'up' : 'down') + '" style="width:' + w + 'px"></span>';
  }

  /** What moved one window's score: each group's share, adding up to the score minus the baseline's. */
  function renderAttribution(d) {
    const a = d.attribution;
    const t = $('attribution');
    if (!a) { t.innerHTML = ''; $('attribution-summary').textContent = ''; return; }
    const what = notCalibrated() ? 'score' : 'probability';
    $('attribution-summary').innerHTML = 'What moved the ' + what + ': against a baseline of ' + esc(a.baseline) +
      ' (' + what + ' ' + pct(a.baselineProbability) + '), the groups of inputs below add up to the difference, ' +
      '<strong>' + pts(a.probability - a.baselineProbability) + '</strong> (exact Shapley values of the groups).';
    const max = Math.max(...a.shares.map((x) => Math.abs(x.contribution)));
    t.innerHTML = '<caption>What moved the ' + what + ' on ' + d.asOf + '</caption><thead><tr><th scope="col">inputs</th>' +
      '<th scope="col">moved it by</th><th scope="col"></th></tr></thead><tbody>' +
      a.shares.map((x) => '<tr data-group="' + esc(x.group) + '"><td>' + esc(x.words) + '</td><td class="' +
        (x.contribution >= 0 ? 'up' : 'down') + '">' + pts(x.contribution) + '</td><td style="text-align:left">' +
        bar(x.contribution, max) + '</td></tr>').join('') + '</tbody>';
  }

  // ---- trust: model card and evidence ----
  function renderCard() {
    const o = state.overview;
    const c = o.card;
    const m = state.model;
    const data = (c.data || []).map((d) => '<li>' + esc(d.name) + ': ' + d.rows.toLocaleString('en') + ' days, ' +
      d.firstDate + ' to ' + d.lastDate + '</li>').join('');
    $('card').innerHTML = '<h3>Model card</h3><dl>' +
      '<dt>Version</dt><dd>' + esc(o.modelVersion) + ', made ' + esc(o.createdAt) + ', parameters SHA-256 <code>' +
      esc(o.modelSha256.slice(0, 16)) + '…</code></dd>' +
      '<dt>What it predicts</dt><dd>' + esc(o.label) + '</dd>' +
      '<dt>Network</dt><dd>' + esc(c.architecture) + ', ' + c.members + ' member(s); inputs: ' + c.features.map(esc).join(', ') +
      ' over a ' + o.window + '-day window (' + o.requiredDays + ' days of closes needed)</dd>' +
      '<dt>Training</dt><dd>' + esc(c.training || 'n/a') + '</dd>' +
      '<dt>Calibration</dt><dd>' + esc(c.calibration) + '</dd>' +
      '<dt>Alarm</dt><dd>chosen per preference (the weight on a missed fall) among the model\u2019s score and ' +
        'simple rules of the index level, on training data only:<ul>' + o.alarms.offered.map((r) => '<li' +
        (r.preference === state.preference ? ' class="chosen"' : '') + '>' + esc(preferenceWords(r.preference)) +
        ': ' + esc(r.inWords) + '</li>').join('') + '</ul></dd>' +
      '<dt>Data</dt><dd><ul>' + data + '</ul></dd></dl>' +
      (m && m.evidence ? '<p class="muted">Evidence: ' + esc(m.evidence) + '</p>' : '');
  }

  /** A term structure's evidence: per horizon, the pooled ranking against volatility, then each held-out market. */
  function renderTermEvidence(e) {
    const row = (h) => '<tr><td>within ' + h.days + ' days</td><td>' + h.positives.toLocaleString('en') + ' of ' +
      h.windows.toLocaleString('en') + '</td><td>' + num(h.modelPrAuc, 3) + '</td><td>' + num(h.volatilityPrAuc, 3) +
      '</td><td>' + (h.prVsVolatility ? num(h.prVsVolatility.estimate, 3) + ' ' + iv(h.prVsVolatility.interval, 3) : 'n/a') +
      '</td><td>' + num(h.modelRocAuc, 3) + '</td><td>' + num(h.volatilityRocAuc, 3) + '</td><td>' +
      pct(h.meanProbability) + ' / ' + pct(h.baseRate) + '</td></tr>';
    const head = '<tr><th scope="col">horizon</th><th scope="col">windows with an onset</th><th scope="col">PR-AUC model</th>' +
      '<th scope="col">PR-AUC volatility</th><th scope="col">difference [95%]</th><th scope="col">ROC-AUC model</th>' +
      '<th scope="col">ROC-AUC volatility</th><th scope="col">mean probability / rate</th></tr>';
    const folds = (e.folds || []).map((f) => '<h4>' + esc(f.market) + ' held out (' + esc(f.period) + ')</h4>' +
      '<div class="table-wrap"><table>' + head + f.horizons.map(row).join('') + '</table></div>').join('');
    $('evidence').innerHTML = '<p><strong>Out-of-sample evidence (' + esc(e.design) + ', ' + esc(e.mode) +
      ' settings).</strong> ' + esc(e.inWords) + ' ' + Number(e.decreasing).toLocaleString('en') + ' of ' +
      Number(e.answers).toLocaleString('en') + ' held-out answers decrease with the horizon.</p>' +
      '<div class="table-wrap"><table id="term-evidence"><caption>Pooled over the held-out markets</caption>' + head + e.termStructure.map(row).join('') + '</table></div>' +
      calmText(e.calm) + alarmsText(e) + probabilityEvidence(e.probability) +
      '<details><summary>Per held-out market</summary>' + folds + '</details>';
  }

  /** Each horizon as an alarm: its skill per day beside the alarms that ignore the future (0 for any of them). */
  function alarmsText(e) {
    if (!e.alarms || !e.alarms.length) return '';
    const row = (r) => '<tr><td>' + esc(r.name) + '</td><td>' + esc(r.rule) + '</td><td>' + num(r.events.skill, 3) +
      (r.intervals ? ' ' + iv(r.intervals.skill, 3) : '') + '</td><td>' + r.events.warned + ' of ' + r.events.onsets +
      '</td><td>' + num(r.events.alarmDays * 252 / r.events.scoredDays, 0) + '</td></tr>';
    const table = (t) => '<h4>Alarm within ' + t.days + ' days</h4><div class="table-wrap"><table class="term-alarm">' +
      '<tr><th scope="col">alarm</th><th scope="col">how</th><th scope="col">skill per day [95%]</th>' +
      '<th scope="col">onsets warned</th><th scope="col">alarm days / year</th></tr>' + t.rows.map(row).join('') +
      '<tr><td>its alarm, circularly shifted (median [5%, 95%])</td><td>' + t.shifts.shifts + ' shifts</td><td>' +
      num(t.shifts.skill[1], 3) + ' [' + num(t.shifts.skill[0], 3) + ', ' + num(t.shifts.skill[2], 3) + ']</td><td></td><td></td></tr>' +
      '</table></div>';
    return '<p id="term-alarms">' + esc(e.alarmsInWords) + '</p><details><summary>Alarms per horizon</summary>' +
      e.alarms.map(table).join('') + '</details>';
  }

  /** Onsets out of calm, per horizon: how the model and volatility rank the days before them (ROC-AUC, 0.5 chance). */
  function calmText(calm) {
    if (!calm || !calm.length) return '';
    const r = (k) => num(k.rocAuc, 3) + ' ' + iv(k.rocAucInterval, 2);
    return '<p id="term-calm">Falls that start out of calm (no fall start in the ' + calm[0].calmDays +
      ' trading days before), ranked against the days without an onset: ' + calm.map((c) => 'within ' + c.days +
      ' days (' + c.calmOnsets + ' such onsets) the model ' + r(c.ranking[0]) + ', volatility ' + r(c.ranking[1]))
      .join('; ') + ' (ROC-AUC, 0.5 is chance).</p>';
  }

  async function loadEvidence() {
    try {
      const e = await getJson('/monitor/evidence');
      renderEvidence(e);
    } catch (err) {
      $('evidence').innerHTML = '<p class="muted">No out-of-sample report for this model (' + esc(err.message) + ').</p>';
    }
  }

  function renderEvidence(e) {
    if (e.termStructure) {
      renderTermEvidence(e);
      return;
    }
    // A model of one market is judged walk-forward (its own later periods), the default leave-one-market-out.
    // Markets of one era are judged walk-forward together: one row per market and period ("djia 1/2").
    const wf = (e.design || '').startsWith('walk-forward');
    const together = e.design === 'walk-forward, the markets together';
    const periods = new Set((e.folds || []).map((f) => f.fold.replace(/.* /, ''))).size;
    // A walk-forward judges the version's own recipe: nothing was selected, nothing nested.
    const own = wf ? 'served network' : 'selected network';
    const label = (name) => esc(wf ? name.replace('selected network (nested)', 'served network (the version\u2019s recipe)')
      : name);
    const rows = (e.pooled || []).map((p) => '<tr><td>' + label(p.name) + '</td><td>' + num(p.metrics.rocAuc, 3) + ' ' +
      iv(p.rocAuc, 2) + '</td><td>' + num(p.metrics.prAuc, 3) + ' ' + iv(p.prAuc, 2) + '</td></tr>').join('');
    const cmp = e.pooledComparisons && e.pooledComparisons.prVsVolatility;
    const folds = (e.folds || []).map((f) => {
      const sel = f.scores[0];
      const vol = f.scores.find((s) => s.name.startsWith('volatility')) || {};
      return '<tr><td>' + esc(f.market) + ' (' + esc(f.period) + ')</td><td>' + f.windows.toLocaleString('en') + '</td><td>' +
        num(sel.prAucEstimate, 3) + ' ' + iv(sel.prAuc, 2) + '</td><td>' + num(vol.prAucEstimate, 3) + ' ' +
        iv(vol.prAuc, 2) + '</td></tr>';
    }).join('');
    let events = '';
    if (e.events) {
      const er = e.events.rows.filter((r) => /^(selected|volatility \(|always)/.test(r.name));
      events = '<table><caption>Alarms at preference ' + e.events.preference + (wf ? ' (all test periods)' : ' (all held-out folds)') +
        '</caption><thead><tr>' +
        '<th scope="col">alarm</th><th scope="col">onsets warned</th><th scope="col">alarm days</th><th scope="col">' +
        'false alarm episodes a year</th></tr></thead><tbody>' + er.map((r) => {
          const ev = r.events;
          const years = ev.scoredDays / 252;
          return '<tr><td>' + label(r.name) + '</td><td>' + ev.warned + ' of ' + ev.onsets + (r.intervals ? ' ' +
            iv(r.intervals.warnedShare, 2) : '') + '</td><td>' + pct(ev.alarmDays / ev.scoredDays) + '</td><td>' +
            num(ev.falseEpisodes / years, 2) + (r.intervals ? ' ' + iv(r.intervals.falsePerYear, 2) : '') + '</td></tr>';
        }).join('') + (e.events.matchedRandom ? '<tr><td>random alarm matched to the ' + own + ' (' +
          e.events.matchedRandom.draws + ' draws, 5-95%)</td><td>' + pct(e.events.matchedRandom.warnedMean) + ' [' +
          pct(e.events.matchedRandom.warned5) + ', ' + pct(e.events.matchedRandom.warned95) + ']</td><td></td><td>' +
          num(e.events.matchedRandom.falsePerYearMean, 2) + '</td></tr>' : '') + '</tbody></table>';
    }
    let skill = '';
    if (e.events && e.events.rows[0].intervals && e.events.rows[0].intervals.skill) {
      const sr = e.events.rows.filter((r) => /^(selected|volatility \(|always|evenly|calendar)/.test(r.name));
      const sh = e.events.shifts;
      const daySkill = (ev) => ev.signalAlarms / ev.signalDays - ev.quietAlarms / ev.quietDays;
      skill = '<div class="table-wrap"><table id="skill-table"><caption>Per-day skill (hit rate minus false-alarm rate; ' +
        '0 for any alarm that ignores the future) beside alarms with the model\u2019s shape and no information' +
        '</caption><thead><tr><th scope="col">alarm</th><th scope="col">skill</th><th scope="col">false alarm days a year' +
        '</th><th scope="col">calm onsets warned</th></tr></thead><tbody>' + sr.map((r) => {
          const ev = r.events;
          const years = ev.scoredDays / 252;
          return '<tr><td>' + label(r.name) + '</td><td>' + num(daySkill(ev), 3) + ' ' + iv(r.intervals.skill, 3) +
            '</td><td>' + num(ev.quietAlarms / years, 1) + '</td><td>' + r.calmWarned + ' of ' + r.calmOnsets + '</td></tr>';
        }).join('') + (sh ? '<tr><td>the model\u2019s alarm shifted in time (' + sh.shifts + ' shifts, median [5%, 95%])</td><td>' +
          num(sh.skill[1], 3) + ' [' + num(sh.skill[0], 3) + ', ' + num(sh.skill[2], 3) + ']</td><td>' +
          num(sh.falseAlarmDaysPerYear[1], 1) + '</td><td>' + pct(sh.calmWarnedShare[1]) + ' [' + pct(sh.calmWarnedShare[0]) +
          ', ' + pct(sh.calmWarnedShare[2]) + ']</td></tr>' : '') + '</tbody></table></div>';
    }
    // Counted as the event tables count them: onsets with a scored day in their warning period.
    const served = e.events && e.events.rows[0];
    const calm = e.calm && served ? '<p id="calm-words" class="note"><strong>Falls that start in calm markets</strong> (' +
      served.calmOnsets + ' of ' + served.events.onsets + (wf ? ' test-period' : ' held-out') + ' onsets had no fall in the ' + e.calm.calmDays +
      ' trading days before): ' + esc(e.calmInWords || '') + '</p>' : '';
    $('evidence').innerHTML = (together ? '<h3>Out-of-sample evidence (walk-forward, the markets together)</h3>' +
      calm + '<p>The markets share an era, so none could be held out with its period. ' + (periods === 1
        ? 'Their one test period was' : 'Each of ' + periods + ' consecutive periods was') + ' scored, in every ' +
      'market, by the version’s recipe trained on every market before it only. ' + e.pooledWindows.toLocaleString('en') + ' test windows, '
      : wf ? '<h3>Out-of-sample evidence (walk-forward)</h3>' + calm +
      '<p>Each of ' + (e.folds || []).length + ' consecutive test periods was scored by the version’s recipe ' +
      'trained on what came before it only. ' + e.pooledWindows.toLocaleString('en') + ' test windows, '
      : '<h3>Out-of-sample evidence (leave one market out, with its era)</h3>' + calm +
      '<p>Each fold held one market out over its whole history, and that period in every other market. ' +
      e.pooledWindows.toLocaleString('en') + ' held-out windows, ') + e.pooledPositives.toLocaleString('en') +
      ' positive. 95% block-bootstrap intervals.' + (cmp ? ' <strong>' + (wf ? 'Served' : 'Selected') + ' network minus volatility, PR-AUC: ' +
      num(cmp.estimate, 3) + ' ' + iv(cmp.interval, 3) + (cmp.interval.low > 0 ? ' (better than the reference).'
        : ' (not better than the 20-day volatility reference).') + '</strong>' : '') + '</p>' +
      '<div class="table-wrap"><table><caption>Pooled ranking</caption><thead><tr><th scope="col">score</th>' +
      '<th scope="col">ROC-AUC</th><th scope="col">PR-AUC</th></tr></thead><tbody>' + rows + '</tbody></table></div>' +
      '<div class="table-wrap"><table><caption>' + (together ? 'Per market and test period' : wf ? 'Per test period' : 'Per held-out market') +
      ', PR-AUC</caption><thead><tr><th scope="col">' + (wf ? 'test period' : 'held out') + '</th>' +
      '<th scope="col">windows</th><th scope="col">' + own + '</th><th scope="col">volatility</th></tr></thead><tbody>' +
      folds + '</tbody></table></div>' + preferenceEvidence(e.preferenceAlarms) + skill + events +
      probabilityEvidence(e.probability);
  }

  // The alarm at each preference, as served, on the held-out markets: the recipe's pick beside the best simple rule.
  function preferenceEvidence(prefs) {
    if (!prefs || !prefs.length) return '';
    const rows = prefs.map((p) => {
      const best = p.families.find((f) => f.family === p.bestSimple);
      return '<tr' + (p.preference === state.preference ? ' class="chosen"' : '') + '><td>' +
        esc(preferenceWords(p.preference)) + '</td><td>' + num(p.selected.usefulness, 3) + ' ' +
        iv(p.selected.usefulnessInterval, 3) + '</td><td>' + esc(best.family) + ': ' + num(best.usefulness, 3) + ' ' +
        iv(best.usefulnessInterval, 3) + '</td><td>' + esc(p.verdict) + '</td></tr>';
    }).join('');
    return '<div class="table-wrap"><table id="preference-table"><caption>The alarm at each preference, chosen ' +
      'without the held-out market and judged on it: relative usefulness (0: no better than never or always ' +
      'alarming)</caption><thead><tr><th scope="col">preference</th><th scope="col">served recipe</th>' +
      '<th scope="col">best simple rule, picked after the fact</th><th scope="col">verdict</th></tr></thead><tbody>' +
      rows + '</tbody></table></div>';
  }

  // Whether the numbers are probabilities out of sample: the verdict in words, and what each score level meant.
  function probabilityEvidence(p) {
    if (!p) return '';
    const rows = p.observedRateByScore.map((b) => '<tr><td>' + pct(b.from) + ' to ' + pct(b.to) + '</td><td>' +
      b.windows.toLocaleString('en') + '</td><td>' + pct(b.meanProbability) + '</td><td>' + pct(b.observedRate) +
      '</td></tr>').join('');
    return '<p id="probability-words" class="note"><strong>Is the number a probability?</strong> ' + esc(p.inWords) +
      '</p>' +
      '<div class="table-wrap"><table id="reliability-table"><caption>What a score meant out of sample: the test days ' +
      'in deciles of the score, and how often a fall followed</caption><thead><tr><th scope="col">score</th>' +
      '<th scope="col">days</th><th scope="col">mean score</th><th scope="col">observed onset rate</th></tr></thead>' +
      '<tbody>' + rows + '</tbody></table></div>';
  }

  // ---- several markets at once: each column is one market's closes, scored alone by the served model ----
  const MAX_MARKETS = 20;
  const severalCharts = [];

  function csvCells(line) {
    return line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  }

  /** A CSV with more than one value column holds several markets' closes; else one market's. */
  function loadText(text) {
    const first = (text || '').split(/\r?\n/, 1)[0] || '';
    // Several columns mean several markets only for a close-only model; any other model reads them as its inputs.
    return state.overview.closeOnly && csvCells(first).length > 2 ? loadSeveral(text) : loadUpload(text);
  }

  function showMode(several) {
    $('several-panel').hidden = !several;
    for (const id of ['today-panel', 'history-panel', 'why-panel']) $(id).hidden = several;
  }

  /** Every chunk of one date,close CSV's scored history, in order. */
  async function scoreAll(csv) {
    return allChunks((chunk) => getJson('/monitor/upload/history?chunk=' + chunk + prefParam(),
      { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: csv }));
  }

  /** Every chunk {@code fetchChunk(k)} gives, from 0 to the first's count, joined: dates, numbers, alerts. */
  async function allChunks(fetchChunk) {
    const got = [await fetchChunk(0)];
    for (let k = 1; k < got[0].chunks; k++) got.push(await fetchChunk(k));
    const out = { dates: [], probability: [], alert: [] };
    for (const c of got) {
      out.dates.push(...c.dates);
      out.probability.push(...c.probability);
      out.alert.push(...c.alert);
    }
    return out;
  }

  async function loadSeveral(text) {
    const ticket = ++state.loading;
    showError('');
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const names = csvCells(lines[0]).slice(1);
    const bad = names.findIndex((n) => !n);
    if (bad >= 0 || new Set(names).size !== names.length || names.length > MAX_MARKETS) {
      showError(bad >= 0 ? 'column ' + (bad + 2) + ' of the header has no name: name each market\u2019s column'
        : names.length > MAX_MARKETS ? 'the file has ' + names.length + ' markets; at most ' + MAX_MARKETS + ' at once'
        : 'two columns have the same name: ' + names.filter((n, i) => names.indexOf(n) !== i)[0]);
      return;
    }
    const rows = lines.slice(1).map(csvCells);
    showMode(true);
    state.source = { kind: 'several', id: 'several', inTraining: false };
    state.several = null;
    const markets = [];
    const started = Date.now();
    for (let j = 0; j < names.length; j++) {
      $('progress').textContent = 'scoring ' + names[j] + ' (' + (j + 1) + ' of ' + names.length + ')\u2026';
      // A market's blank cells are its holidays or days before its history starts: its request leaves them out.
      let csv = 'date,close\n';
      let n = 0;
      for (const r of rows) {
        if (r[j + 1] != null && r[j + 1] !== '') { csv += r[0] + ',' + r[j + 1] + '\n'; n++; }
      }
      try {
        markets.push(Object.assign({ name: names[j], rows: n }, await scoreAll(csv)));
      } catch (err) {
        markets.push({ name: names[j], rows: n, error: err.message });
      }
      if (ticket !== state.loading) return;
    }
    state.several = summarize(markets);
    renderSeveral();
    const scored = markets.filter((m) => !m.error).length;
    $('progress').textContent = scored + ' of ' + markets.length + ' markets scored in ' +
      ((Date.now() - started) / 1000).toFixed(1) + ' s, each alone by ' + state.overview.modelVersion + '.';
    document.body.dataset.loaded = 'several';
  }

  // ---- the system: a systemic model's global gauges, and every embedded market side by side ----
  const systemCharts = [];

  async function loadSystem() {
    const s = await getJson('/monitor/system');
    state.system = s;
    $('system-panel').hidden = false;
    const last = s.dates.length - 1;
    const fmt = (v, d) => v == null ? 'n/a' : v.toFixed(d);
    $('system-summary').innerHTML = 'Model ' + esc(s.modelVersion) + ' reads, besides each market\u2019s closes, ' +
      s.inputs.length + ' inputs of the system (' + s.inWords.map(esc).join(', ') + '), from the state it carries, ' +
      s.from + ' to ' + s.to + '; each market reads the state of the day before its own. On <strong>' + s.to +
      '</strong> the VIX closed ' + fmt(s.vix[last], 2) + ', the term spread was ' + fmt(s.termSpread[last], 2) +
      ' points and the absorption ratio ' + fmt(s.absorptionRatio[last], 3) + '.';
    $('system-all').onclick = () => loadAllMarkets();
    $('system-date').value = s.to;
    $('system-explain').onclick = () => explainSystem($('system-date').value);
    renderSystem();
    explainSystem(s.to);
  }

  /** Every market on one day: how much each group of inputs moved its score (GET /monitor/attribution). */
  async function explainSystem(date) {
    if (!date) return;
    state.systemDay = date;
    let a;
    try {
      a = await getJson('/monitor/attribution?date=' + encodeURIComponent(date));
    } catch (err) {
      showError(err.message);
      return;
    }
    if (state.systemDay !== date) return;
    state.systemAttribution = a;
    const what = notCalibrated() ? 'score' : 'probability';
    const t = $('moved-table');
    if (!a.markets.length) {
      $('moved-summary').textContent = 'No market can be scored on ' + a.date + ': ' + a.notScored.join('; ') + '.';
      t.innerHTML = '';
      document.body.dataset.moved = a.date;
      return;
    }
    const groups = a.markets[0].attribution.shares;
    let max = 0;
    let top = null;
    for (const m of a.markets) {
      for (const x of m.attribution.shares) {
        if (Math.abs(x.contribution) > max) { max = Math.abs(x.contribution); top = [m.market, x.words, x.contribution]; }
      }
    }
    $('moved-summary').innerHTML = 'On <strong>' + a.date + '</strong>, each market\u2019s ' + what + ' against a ' +
      'baseline of ' + esc(a.baseline) + '; each row\u2019s groups add up to its ' + what + ' minus the baseline\u2019s. ' +
      'The largest move: <strong>' + esc(top[1]) + '</strong> for ' + esc(top[0]) + ', ' + pts(top[2]) + '.' +
      (a.notScored.length ? ' Not scored: ' + a.notScored.map(esc).join('; ') + '.' : '');
    t.innerHTML = '<caption>Each market on ' + a.date + ': how much each group of inputs moved its ' + what +
      ' (percentage points)</caption><thead><tr><th scope="col">market</th><th scope="col">day</th>' +
      '<th scope="col">' + what + '</th><th scope="col">baseline</th>' +
      groups.map((g) => '<th scope="col" title="' + esc(g.words) + '">' + esc(g.group.replace(/_/g, ' ')) + '</th>').join('') +
      '</tr></thead><tbody>' + a.markets.map((m) => '<tr data-market="' + esc(m.market) + '"><td>' + esc(m.market) +
        '</td><td>' + m.asOf + '</td><td>' + pct(m.attribution.probability) + '</td><td>' +
        pct(m.attribution.baselineProbability) + '</td>' + m.attribution.shares.map((x) => '<td class="' +
        (x.contribution >= 0 ? 'up' : 'down') + '" title="' + esc(x.words) + '">' + pts(x.contribution) + ' ' +
        bar(x.contribution, max) + '</td>').join('') + '</tr>').join('') + '</tbody>';
    document.body.dataset.moved = a.date;
  }

  function renderSystem() {
    const s = state.system;
    if (!s) return;
    for (const c of systemCharts) c.destroy();
    systemCharts.length = 0;
    const w = Math.max(280, $('system-panel').clientWidth - 28);
    const x = s.dates.map(toX);
    const sync = uPlot.sync('system');
    const cursor = { sync: { key: sync.key, setSeries: false }, drag: { x: true, y: false } };
    const dateSeries = { label: 'date',
      value: (u, v) => v == null ? '' : new Date(v * 1000).toISOString().slice(0, 10) };
    for (const [id, label, values, color] of [['chart-vix', 'VIX', s.vix, COLORS.onset],
      ['chart-spread', 'term spread', s.termSpread, COLORS.prob], ['chart-absorption', 'absorption ratio',
        s.absorptionRatio, COLORS.index]]) {
      systemCharts.push(new uPlot({ width: w, height: 120, cursor: cursor, scales: { x: { time: true } },
        series: [dateSeries, { label: label, stroke: color, width: 1 }], axes: [{}, { size: 44 }] },
        [x, values], $(id)));
    }
    state.systemCharts = systemCharts;
  }

  /** Every chunk of one embedded market's scored history, in order. */
  async function embeddedHistory(id) {
    return allChunks((chunk) => getJson('/monitor/markets/' + encodeURIComponent(id) + '/history?chunk=' + chunk +
      prefParam()));
  }

  /** Every market the page lists, each scored alone over its whole history, side by side. */
  async function loadAllMarkets() {
    const ticket = ++state.loading;
    showError('');
    showMode(true);
    state.source = { kind: 'all', id: 'several', inTraining: true };
    state.several = null;
    const markets = [];
    const started = Date.now();
    const list = state.overview.markets;
    for (let j = 0; j < list.length; j++) {
      $('progress').textContent = 'scoring ' + list[j].id + ' (' + (j + 1) + ' of ' + list.length + ')\u2026';
      try {
        markets.push(Object.assign({ name: list[j].id, rows: list[j].days }, await embeddedHistory(list[j].id)));
      } catch (err) {
        markets.push({ name: list[j].id, rows: list[j].days, error: err.message });
      }
      if (ticket !== state.loading) return;
    }
    state.several = summarize(markets);
    renderSeveral();
    $('progress').textContent = markets.filter((m) => !m.error).length + ' of ' + markets.length +
      ' markets scored in ' + ((Date.now() - started) / 1000).toFixed(1) + ' s, each alone by ' +
      state.overview.modelVersion + '.';
    document.body.dataset.loaded = 'several';
  }

  /** Per day over the union of the markets' scored dates: how many are in alarm, and how many were scored. */
  function summarize(markets) {
    const byDate = new Map();
    for (const m of markets) {
      if (m.error) continue;
      m.dates.forEach((d, i) => {
        const c = byDate.get(d) || [0, 0];
        c[1]++;
        if (m.alert[i]) c[0]++;
        byDate.set(d, c);
      });
    }
    const dates = [...byDate.keys()].sort();
    return { markets: markets, dates: dates, x: dates.map(toX), inAlarm: dates.map((d) => byDate.get(d)[0]),
             scored: dates.map((d) => byDate.get(d)[1]) };
  }

  /** Each market's mean score per calendar month over the months any market was scored: rows markets. */
  function monthlyMeans(s) {
    const months = [...new Set(s.dates.map((d) => d.slice(0, 7)))].sort();
    const index = new Map(months.map((m, i) => [m, i]));
    const rows = [];
    for (const m of s.markets) {
      if (m.error) continue;
      const sum = new Array(months.length).fill(0);
      const n = new Array(months.length).fill(0);
      m.dates.forEach((d, i) => {
        const k = index.get(d.slice(0, 7));
        sum[k] += m.probability[i];
        n[k]++;
      });
      rows.push({ name: m.name, values: sum.map((v, k) => n[k] ? v / n[k] : null) });
    }
    return { months: months, rows: rows };
  }

  /** The heat map: a row per market, a column per month, darker for a higher monthly mean score. */
  function renderHeatMap(s) {
    const h = monthlyMeans(s);
    state.heat = h;
    const canvas = $('heat-map');
    const label = 56;
    const rowH = 18;
    const width = Math.max(280, $('several-panel').clientWidth - 28);
    const cellW = Math.max(0.5, (width - label) / Math.max(1, h.months.length));
    canvas.width = width;
    canvas.height = rowH * h.rows.length + 18;
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    let max = 0;
    for (const r of h.rows) for (const v of r.values) if (v != null && v > max) max = v;
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    h.rows.forEach((r, j) => {
      ctx.fillStyle = '#1a1a1a';
      ctx.fillText(r.name, 2, j * rowH + rowH / 2);
      r.values.forEach((v, k) => {
        // White to vermillion (#D55E00) by the value's share of the largest monthly mean; grey where not scored.
        const f = v == null ? null : (max > 0 ? v / max : 0);
        ctx.fillStyle = f == null ? '#eee' : 'rgb(' + Math.round(255 - f * (255 - 213)) + ',' +
          Math.round(255 - f * (255 - 94)) + ',' + Math.round(255 - f * 255) + ')';
        ctx.fillRect(label + k * cellW, j * rowH + 1, Math.ceil(cellW), rowH - 2);
      });
    });
    ctx.fillStyle = '#555';
    let lastYear = null;
    h.months.forEach((m, k) => {
      const y = m.slice(0, 4);
      if (y !== lastYear && Number(y) % 5 === 0 && m.endsWith('-01')) {
        ctx.fillText(y, label + k * cellW, h.rows.length * rowH + 9);
      }
      lastYear = y;
    });
    canvas.dataset.rows = String(h.rows.length);
    canvas.dataset.months = String(h.months.length);
    canvas.onmousemove = (ev) => {
      const rect = canvas.getBoundingClientRect();
      const k = Math.floor((ev.clientX - rect.left - label) / cellW);
      const j = Math.floor((ev.clientY - rect.top) / rowH);
      const r = h.rows[j];
      canvas.title = r && k >= 0 && k < h.months.length ? r.name + ' ' + h.months[k] + ': ' +
        (r.values[k] == null ? 'not scored' : pct(r.values[k])) : '';
    };
    $('heat-legend').textContent = 'White is 0, the darkest ' + pct(max) + ' (the largest monthly mean of any market); ' +
      'grey: not scored that month. ' + h.months[0] + ' to ' + h.months[h.months.length - 1] + '. Point at a cell for its value.';
  }

  function renderSeveral() {
    const s = state.several;
    for (const c of severalCharts) c.destroy();
    severalCharts.length = 0;
    const last = s.dates[s.dates.length - 1];
    const alarmed = s.markets.filter((m) => !m.error && m.dates[m.dates.length - 1] === last && m.alert[m.alert.length - 1]);
    $('several-summary').innerHTML = last == null ? 'No market could be scored (see the table).'
      : 'On <strong>' + last + '</strong> (the latest date), <strong>' + s.inAlarm[s.inAlarm.length - 1] + ' of ' +
        s.scored[s.scored.length - 1] + '</strong> markets scored that day ' + (s.scored[s.scored.length - 1] === 1 ? 'is' : 'are') +
        ' in alarm' + (alarmed.length ? ': ' + alarmed.map((m) => esc(m.name)).join(', ') : '') + '.';
    let rows = '<thead><tr><th scope="col">market</th><th scope="col">rows</th><th scope="col">dates scored</th>' +
      '<th scope="col">latest</th><th scope="col">' + (notCalibrated() ? 'score' : 'probability') + '</th><th scope="col">alert</th>' +
      '<th scope="col">alarm days</th></tr></thead><tbody>';
    for (const m of s.markets) {
      if (m.error) {
        rows += '<tr class="unscored"><td>' + esc(m.name) + '</td><td>' + m.rows + '</td><td colspan="5">not scored: ' +
          esc(m.error) + '</td></tr>';
        continue;
      }
      const i = m.dates.length - 1;
      const days = m.alert.filter(Boolean).length;
      rows += '<tr><td>' + esc(m.name) + '</td><td>' + m.rows + '</td><td>' + m.dates.length + '</td><td>' + m.dates[i] +
        '</td><td>' + pct(m.probability[i]) + '</td><td>' + (m.alert[i] ? '<strong>ON</strong>' : 'off') + '</td><td>' +
        days + ' (' + pct(days / m.dates.length) + ')</td></tr>';
    }
    $('several-table').innerHTML = '<caption>Each market, as the served model scores it alone</caption>' + rows + '</tbody>';
    renderHeatMap(s);
    const w = Math.max(280, $('several-panel').clientWidth - 28);
    const sync = uPlot.sync('several');
    const cursor = { sync: { key: sync.key, setSeries: false }, drag: { x: true, y: false } };
    const dateSeries = { label: 'date', value: (u, v) => v == null ? '' : new Date(v * 1000).toISOString().slice(0, 10) };
    const count = new uPlot({ width: w, height: 160, cursor: cursor, scales: { x: { time: true }, y: { range: [0, null] } },
      series: [dateSeries,
        { label: 'in alarm', stroke: COLORS.onset, fill: 'rgba(213,94,0,0.15)', width: 1.5, paths: uPlot.paths.stepped({ align: 1 }) },
        { label: 'scored', stroke: '#888', dash: [4, 3], width: 1, paths: uPlot.paths.stepped({ align: 1 }) }],
      axes: [{}, { size: 40 }] }, [s.x, s.inAlarm, s.scored], $('chart-count'));
    severalCharts.push(count);
    const strips = $('several-strips');
    strips.innerHTML = '';
    for (const m of s.markets) {
      if (m.error) continue;
      const fig = document.createElement('figure');
      const cap = document.createElement('figcaption');
      cap.textContent = m.name + ': ' + (notCalibrated() ? 'score' : 'probability') + ', alarm days shaded';
      const div = document.createElement('div');
      div.className = 'chart';
      div.dataset.market = m.name;
      fig.append(cap, div);
      strips.appendChild(fig);
      const x = m.dates.map(toX);
      const shade = { hooks: { drawClear: (u) => {
        const ctx = u.ctx;
        ctx.save();
        ctx.fillStyle = COLORS.alarm;
        for (let i = 0; i < m.alert.length; i++) {
          if (!m.alert[i]) continue;
          const x0 = u.valToPos(x[i] - 43200, 'x', true);
          const x1 = u.valToPos(x[i] + 43200, 'x', true);
          ctx.fillRect(x0, u.bbox.top, Math.max(1, x1 - x0), u.bbox.height);
        }
        ctx.restore();
      } } };
      severalCharts.push(new uPlot({ width: w, height: 90, plugins: [shade], cursor: cursor, legend: { show: false },
        scales: { x: { time: true, min: s.x[0], max: s.x[s.x.length - 1] }, y: { range: [0, null] } },
        series: [dateSeries, { label: m.name, stroke: COLORS.prob, width: 1, value: (u, v) => v == null ? '' : pct(v) }],
        axes: [{}, { size: 40, values: (u, vals) => vals.map((v) => pct(v, 0)) }] }, [x, m.probability], div));
    }
  }
  state.severalCharts = severalCharts;

  // ---- take it away ----
  function csvText() {
    const h = state.h;
    const members = h.members.length === h.dates.length;
    const hs = state.overview.horizons || [];
    const lines = ['date,probability,alert,volatility' + (members ? ',members_in_drawdown' : '') +
      hs.map((d) => ',within_' + d + 'd').join('')];
    for (let i = 0; i < h.dates.length; i++) {
      lines.push(h.dates[i] + ',' + h.probability[i] + ',' + (h.alert[i] ? 1 : 0) + ',' + (h.volatility[i] == null ? '' : h.volatility[i]) +
        (members ? ',' + (h.members[i] == null ? '' : h.members[i]) : '') +
        hs.map((d) => ',' + ((h.terms[String(d)] || [])[i] ?? '')).join(''));
    }
    return lines.join('\n') + '\n';
  }
  state.csvText = csvText;

  function download() {
    const blob = new Blob([csvText()], { type: 'text/csv' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'sysrisk-' + state.source.id + '-' + state.overview.modelVersion + '.csv';
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // ---- wiring ----
  function readFile(file) {
    if (!file) return;
    if (file.size > 2 * 1024 * 1024) {
      showError('the file is ' + file.size.toLocaleString('en') + ' bytes; at most 2 MB (the API\u2019s limit)');
      return;
    }
    file.text().then((t) => { $('paste').value = ''; loadText(t); });
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('file').addEventListener('change', (ev) => readFile(ev.target.files[0]));
    $('score-paste').addEventListener('click', () => loadText($('paste').value));
    const drop = $('drop');
    drop.addEventListener('dragover', (ev) => { ev.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (ev) => {
      ev.preventDefault();
      drop.classList.remove('over');
      readFile(ev.dataTransfer.files[0]);
    });
    for (const b of document.querySelectorAll('[data-range]')) {
      b.addEventListener('click', () => rangeDays(b.dataset.range === 'all' ? 'all' : Number(b.dataset.range)));
    }
    $('pan-left').addEventListener('click', () => pan(-1));
    $('pan-right').addEventListener('click', () => pan(1));
    $('download').addEventListener('click', download);
    $('explain').addEventListener('click', () => { if ($('explain-date').value) explain($('explain-date').value); });
    window.addEventListener('resize', () => {
      for (const c of state.charts) c.setSize({ width: width(), height: c.height });
      if (state.several && !$('several-panel').hidden) renderSeveral();
      if (state.system) renderSystem();
    });
    start();
  });
})();
