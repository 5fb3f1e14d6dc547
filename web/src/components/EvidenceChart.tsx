/**
 * A match's explanation: one bar per named piece of evidence (log-odds, for or against), which add up to
 * the score's log-odds. The table under the chart says the same in words for screen readers and print.
 */
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { Evidence } from "../types.ts";

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export function totalWeight(evidence: readonly Evidence[]): number {
  return evidence.reduce((sum, item) => sum + item.weight, 0);
}

export function EvidenceChart({ evidence, score }: { evidence: readonly Evidence[]; score?: number }) {
  const element = useRef<HTMLDivElement>(null);
  const total = totalWeight(evidence);

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: "svg" });
    const rows = [...evidence].reverse();
    chart.setOption({
      animation: false,
      grid: { left: 150, right: 40, top: 10, bottom: 30 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", name: "log-odds", nameLocation: "middle", nameGap: 22 },
      yAxis: { type: "category", data: rows.map((item) => item.feature) },
      series: [
        {
          type: "bar",
          data: rows.map((item) => ({
            value: Number(item.weight.toFixed(3)),
            itemStyle: { color: item.weight >= 0 ? "#a3231f" : "#1d6b3a" },
          })),
          label: { show: true, position: "right", formatter: "{c}" },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [evidence]);

  return (
    <figure className="evidence">
      <div
        ref={element}
        className="evidence-chart"
        style={{ height: `${Math.max(120, evidence.length * 34 + 50)}px` }}
        role="img"
        aria-label={`Evidence weights: ${evidence.map((e) => `${e.feature} ${e.weight.toFixed(2)}`).join(", ")}`}
      />
      <figcaption>
        Evidence weights add up to {total.toFixed(2)} log-odds
        {score !== undefined && <> — score {score.toFixed(3)}</>}.
      </figcaption>
      <table>
        <caption className="visually-hidden">Evidence behind the score</caption>
        <thead>
          <tr>
            <th scope="col">Evidence</th>
            <th scope="col">Weight</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {evidence.map((item) => (
            <tr key={`${item.feature}-${item.detail}`}>
              <td>{item.feature}</td>
              <td className="num">{item.weight.toFixed(2)}</td>
              <td>{item.detail}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Sum</th>
            <td className="num">{total.toFixed(2)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </figure>
  );
}
