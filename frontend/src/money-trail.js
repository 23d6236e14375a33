// The money-trail flow chart (budget -> responsible unit -> procurement
// method -> supplier). The page carries the chart's nodes and links in
// data-chart and the same numbers in its tables; without JavaScript the
// tables alone tell the story. On a narrow screen (a phone) the chart is not
// drawn: four columns of labels cannot be read there, and the tables below
// read top to bottom.
import * as echarts from 'echarts/core';
import { SankeyChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([SankeyChart, TooltipComponent, CanvasRenderer]);

const pesos = new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'MXN', maximumFractionDigits: 0 });

function draw(container) {
  const data = JSON.parse(container.dataset.chart);
  if (!data.links.length) return;
  if (container.clientWidth < 640) return;
  const labels = new Map(data.nodes.map((node) => [node.name, node.label]));
  container.classList.add('trail-chart-drawn');
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  chart.setOption({
    tooltip: {
      trigger: 'item',
      formatter: (item) =>
        item.dataType === 'edge'
          ? `${labels.get(item.data.source)} → ${labels.get(item.data.target)}: ${pesos.format(item.data.value)}`
          : `${labels.get(item.name)}: ${pesos.format(item.value)}`,
    },
    series: [
      {
        type: 'sankey',
        data: data.nodes.map((node) => ({ name: node.name })),
        links: data.links,
        nodeAlign: 'left',
        left: 8,
        right: '25%',
        nodeGap: 10,
        emphasis: { focus: 'adjacency' },
        label: { formatter: (item) => labels.get(item.name), fontSize: 12, width: 230, overflow: 'truncate' },
        // A label that would cover another is left out; its node keeps its tooltip and its row in the tables.
        labelLayout: { hideOverlap: true },
        lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.35 },
      },
    ],
  });
  window.addEventListener('resize', () => chart.resize());
}

const container = document.getElementById('grafica-trayecto');
if (container && container.dataset.chart) draw(container);
