// Embedded charts: built and recorded with their ranges, type, position and options; never drawn.
import { ownObject, type StandInContext } from '../context';
import { counted } from '../counter';
import { makeEnum } from '../enums';
import { standInRange, type StandInRange } from './range';
import { asGas, type GasEmbeddedChart, type GasEmbeddedChartBuilder, type GasRange } from './types';

type ChartType = GoogleAppsScript.Charts.ChartType;

const BUILDER_METHODS = [
  'addRange',
  'build',
  'clearRanges',
  'getChartType',
  'getContainer',
  'getRanges',
  'removeRange',
  'setChartType',
  'setNumHeaders',
  'setOption',
  'setPosition',
  'setTransposeRowsAndColumns',
] as const;
type BuilderMethod = (typeof BUILDER_METHODS)[number];

const CHART_METHODS = [
  'getChartId',
  'getContainerInfo',
  'getNumHeaders',
  'getOptions',
  'getRanges',
  'getTransposeRowsAndColumns',
  'modify',
] as const;
type ChartMethod = (typeof CHART_METHODS)[number];

export interface ChartSpec {
  chartType: string | null;
  ranges: StandInRange[];
  options: Record<string, unknown>;
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
}

function containerInfo(p: ChartSpec['position']): GoogleAppsScript.Spreadsheet.ContainerInfo {
  return {
    getAnchorColumn: () => p.anchorColumn,
    getAnchorRow: () => p.anchorRow,
    getOffsetX: () => p.offsetX,
    getOffsetY: () => p.offsetY,
  };
}

export class StandInEmbeddedChartBuilder implements Pick<GasEmbeddedChartBuilder, BuilderMethod> {
  readonly spec: ChartSpec;

  constructor(
    readonly ctx: StandInContext,
    from?: ChartSpec,
    private readonly chartId: number | null = null,
  ) {
    this.spec = from
      ? { ...from, ranges: [...from.ranges], options: { ...from.options }, position: { ...from.position } }
      : {
          chartType: null,
          ranges: [],
          options: {},
          position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
          numHeaders: -1,
          transpose: false,
        };
  }

  private self(): GasEmbeddedChartBuilder {
    return asGas<GasEmbeddedChartBuilder>(this);
  }

  addRange(range: GasRange): GasEmbeddedChartBuilder {
    this.spec.ranges.push(standInRange(range, this.ctx));
    return this.self();
  }

  removeRange(range: GasRange): GasEmbeddedChartBuilder {
    const r = standInRange(range, this.ctx);
    this.spec.ranges = this.spec.ranges.filter((x) => x !== r);
    return this.self();
  }

  clearRanges(): GasEmbeddedChartBuilder {
    this.spec.ranges = [];
    return this.self();
  }

  getRanges(): GasRange[] {
    return this.spec.ranges.map((r) => asGas<GasRange>(r));
  }

  setChartType(type: ChartType): GasEmbeddedChartBuilder {
    this.spec.chartType = String(type);
    return this.self();
  }

  getChartType(): ChartType {
    return this.spec.chartType as unknown as ChartType;
  }

  setOption(option: string, value: unknown): GasEmbeddedChartBuilder {
    this.spec.options[option] = value;
    return this.self();
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): GasEmbeddedChartBuilder {
    this.spec.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this.self();
  }

  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return containerInfo(this.spec.position);
  }

  setNumHeaders(headers: number): GasEmbeddedChartBuilder {
    this.spec.numHeaders = headers;
    return this.self();
  }

  setTransposeRowsAndColumns(transpose: boolean): GasEmbeddedChartBuilder {
    this.spec.transpose = transpose;
    return this.self();
  }

  build(): GasEmbeddedChart {
    if (this.spec.chartType === null)
      throw this.ctx.error('The chart type must be set before building the chart.');
    return asGas<GasEmbeddedChart>(new StandInEmbeddedChart(this.ctx, this.spec, this.chartId));
  }
}

export class StandInEmbeddedChart implements Pick<GasEmbeddedChart, ChartMethod> {
  constructor(
    readonly ctx: StandInContext,
    readonly spec: ChartSpec,
    public chartId: number | null,
  ) {}

  static from(chart: GasEmbeddedChart | StandInEmbeddedChart, ctx: StandInContext): StandInEmbeddedChart {
    return ownObject(StandInEmbeddedChart, chart, 'chart', ctx);
  }

  getChartId(): number | null {
    return this.chartId;
  }

  getRanges(): GasRange[] {
    return this.spec.ranges.map((r) => asGas<GasRange>(r));
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = this.spec.options;
    return { get: (option: string) => options[option] ?? null };
  }

  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return containerInfo(this.spec.position);
  }

  getNumHeaders(): number {
    return this.spec.numHeaders;
  }

  getTransposeRowsAndColumns(): boolean {
    return this.spec.transpose;
  }

  modify(): GasEmbeddedChartBuilder {
    return asGas<GasEmbeddedChartBuilder>(new StandInEmbeddedChartBuilder(this.ctx, this.spec, this.chartId));
  }
}

counted(StandInEmbeddedChartBuilder, 'EmbeddedChartBuilder', 'Spreadsheet', BUILDER_METHODS);
counted(StandInEmbeddedChart, 'EmbeddedChart', 'Spreadsheet', CHART_METHODS);

/** The Charts global: only its enums (scripts pass Charts.ChartType.X to setChartType). */
export type StandInCharts = Pick<GoogleAppsScript.Charts.Charts, 'ChartType'>;

export function createCharts(): StandInCharts {
  return {
    ChartType: makeEnum<typeof GoogleAppsScript.Charts.ChartType>([
      'TIMELINE',
      'AREA',
      'BAR',
      'BUBBLE',
      'CANDLESTICK',
      'COLUMN',
      'COMBO',
      'GAUGE',
      'GEO',
      'HISTOGRAM',
      'RADAR',
      'LINE',
      'ORG',
      'PIE',
      'SCATTER',
      'SPARKLINE',
      'STEPPED_AREA',
      'TABLE',
      'TREEMAP',
      'WATERFALL',
    ]),
  };
}
