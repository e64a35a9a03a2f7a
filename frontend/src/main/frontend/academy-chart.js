import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const PALETTE = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#bf3989', '#0a7a8a', '#57606a'];

/** One tick per power of ten between min and max: a log axis with every minor line is unreadable. */
function decades(min, max) {
  const ticks = [];
  for (let e = Math.ceil(Math.log10(min) - 1e-9); e <= Math.floor(Math.log10(max) + 1e-9); e++) {
    ticks.push(10 ** e);
  }
  return ticks;
}

/**
 * A line chart for curves that grow while a job runs. The server sends only the new points of a series;
 * drawing happens at most once per animation frame, whatever the number of points that arrived.
 * Each series keeps its own x values, so curves of different lengths share one plot.
 */
class AcademyChart extends HTMLElement {
  constructor() {
    super();
    this.options = { xLabel: 'step', yLabel: 'loss', logX: false, logY: false, height: 280 };
    this.series = [];
    this.marks = { lines: [], band: null };
    this.plot = null;
    this.pending = false;
  }

  connectedCallback() {
    this.style.display = 'block';
    this.resizer = new ResizeObserver(() => this.fit());
    this.resizer.observe(this);
    this.rebuild();
    // The server answers with the whole chart: after a page is restored, a new element starts empty.
    this.dispatchEvent(new CustomEvent('academy-chart-connected'));
  }

  disconnectedCallback() {
    this.resizer?.disconnect();
  }

  configure(json) {
    Object.assign(this.options, JSON.parse(json));
    this.rebuild();
  }

  /** Replaces every series by empty ones with these labels. */
  setSeries(json) {
    this.series = JSON.parse(json).map((label, i) => this.emptySeries(label, i));
    this.rebuild();
  }

  addSeries(label) {
    this.series.push(this.emptySeries(label, this.series.length));
    this.rebuild();
  }

  relabel(index, label) {
    this.series[index].label = label;
    this.rebuild();
  }

  /** Adds points to one series: xs and ys as JSON arrays of equal length; null is a gap. */
  append(index, xsJson, ysJson) {
    const s = this.series[index];
    const xs = JSON.parse(xsJson);
    const ys = JSON.parse(ysJson);
    xs.forEach((x, i) => s.points.set(x, ys[i]));
    this.schedule();
  }

  /** Marks: {lines: [{x, label}], band: {from, to} or null}. */
  setMarks(json) {
    this.marks = Object.assign({ lines: [], band: null }, JSON.parse(json));
    this.schedule();
  }

  downloadPng(fileName) {
    const source = this.plot?.ctx.canvas;
    if (!source) {
      return;
    }
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const ctx = copy.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, copy.width, copy.height);
    ctx.drawImage(source, 0, 0);
    const link = document.createElement('a');
    link.download = fileName;
    link.href = copy.toDataURL('image/png');
    link.click();
  }

  clear() {
    this.series.forEach(s => s.points.clear());
    this.marks = { lines: [], band: null };
    this.schedule();
  }

  emptySeries(label, i) {
    return { label, color: PALETTE[i % PALETTE.length], points: new Map() };
  }

  schedule() {
    if (this.pending) {
      return;
    }
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.plot?.setData(this.data());
    });
  }

  data() {
    const xs = [...new Set(this.series.flatMap(s => [...s.points.keys()]))].sort((a, b) => a - b);
    const columns = this.series.map(s => xs.map(x => {
      const y = s.points.get(x);
      return y === undefined || (this.options.logY && y <= 0) ? null : y;
    }));
    return [xs, ...columns];
  }

  fit() {
    if (this.plot && this.clientWidth > 0) {
      this.plot.setSize({ width: this.clientWidth, height: this.options.height });
    }
  }

  rebuild() {
    if (!this.isConnected) {
      return;
    }
    this.plot?.destroy();
    const o = this.options;
    const opts = {
      width: Math.max(this.clientWidth, 200),
      height: o.height,
      scales: {
        x: { time: false, distr: o.logX ? 3 : 1 },
        y: { distr: o.logY ? 3 : 1, range: (u, min, max) => this.yRange(min, max) },
      },
      axes: [
        {
          label: o.xLabel,
          values: o.logX ? (u, vals) => vals.map(v => v == null ? '' : v.toExponential(0)) : undefined,
          splits: o.logX ? (u, i, min, max) => decades(min, max) : undefined,
        },
        { label: o.yLabel, size: 56 },
      ],
      series: [
        { label: o.xLabel, value: (u, v) => v == null ? '-' : (o.logX ? v.toExponential(2) : v) },
        ...this.series.map(s => ({
          label: s.label, stroke: s.color, width: 2, spanGaps: true, points: { show: false },
          value: (u, v) => v == null ? '-' : v.toPrecision(4),
        })),
      ],
      legend: { live: true },
      hooks: { draw: [u => this.drawMarks(u)] },
    };
    this.plot = new uPlot(opts, this.data(), this);
  }

  yRange(min, max) {
    // A log axis needs a positive range even before its first point: from zero, its ticks would never end.
    if (min == null || max == null) {
      return this.options.logY ? [0.1, 10] : [0, 1];
    }
    if (this.options.logY && !(min > 0)) {
      min = max > 0 ? max / 1000 : 0.1;
      max = max > 0 ? max : 10;
    }
    const cap = this.options.yMaxFactor;
    const first = this.firstY();
    if (cap && first != null && max > cap * first) {
      max = cap * first;
    }
    if (this.options.logY) {
      return [min / 1.2, max * 1.2];
    }
    const pad = (max - min) * 0.05 || Math.abs(max) * 0.1 || 1;
    return [Math.max(this.options.yMin ?? -Infinity, min - pad), max + pad];
  }

  firstY() {
    for (const s of this.series) {
      for (const y of s.points.values()) {
        if (y != null) {
          return y;
        }
      }
    }
    return null;
  }

  drawMarks(u) {
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    ctx.save();
    const band = this.marks.band;
    if (band) {
      const x0 = u.valToPos(band.from, 'x', true);
      const x1 = u.valToPos(band.to, 'x', true);
      ctx.fillStyle = 'rgba(26, 127, 55, 0.15)';
      ctx.fillRect(Math.min(x0, x1), top, Math.abs(x1 - x0), height);
    }
    ctx.font = `${12 * devicePixelRatio}px sans-serif`;
    this.marks.lines.forEach((line, i) => {
      const x = u.valToPos(line.x, 'x', true);
      ctx.strokeStyle = PALETTE[(i + 3) % PALETTE.length];
      ctx.fillStyle = ctx.strokeStyle;
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = 2 * devicePixelRatio;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      ctx.fillText(line.label, x + 4, top + 14 * devicePixelRatio * (i + 1));
    });
    ctx.restore();
  }
}

customElements.define('academy-chart', AcademyChart);
