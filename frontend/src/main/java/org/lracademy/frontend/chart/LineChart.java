package org.lracademy.frontend.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A live line chart drawn by uPlot in the browser. Points are sent as they arrive, only the new ones; the browser
 * keeps the rest. Hovering shows each series' value in the legend. The server keeps a copy of everything it sent:
 * when the browser builds the element afresh (a page restored after a lost push message), the element asks for it
 * and gets the whole chart again.
 */
@Tag("academy-chart")
@NpmPackage(value = "uplot", version = "1.6.32")
@JsModule("./academy-chart.js")
public class LineChart extends Component implements HasSize, HasStyle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> labels = new ArrayList<>();
    private final Map<Integer, List<List<Double>>> pending = new java.util.TreeMap<>();
    /** What the browser has been told, to tell it again. */
    private final Map<String, Object> options = new java.util.LinkedHashMap<>();
    private final List<List<List<Double>>> sent = new ArrayList<>();
    private String marks;

    /** Axes as the learner reads them; {@code logX} for anything with the learning rate on x. */
    public record Axes(String xLabel, String yLabel, boolean logX, boolean logY) {

        public static Axes lossPerStep() {
            return new Axes("step", "training loss", false, false);
        }

        public static Axes lossAgainstLr() {
            return new Axes("learning rate", "loss", true, false);
        }
    }

    /** A vertical line at {@code x} with a label. */
    public record Line(double x, String label) {
    }

    public LineChart(Axes axes) {
        setWidthFull();
        addClassName("academy-chart");
        configure(Map.of("xLabel", axes.xLabel(), "yLabel", axes.yLabel(), "logX", axes.logX(), "logY", axes.logY()));
        getElement().addEventListener("academy-chart-connected", event -> replay());
    }

    /** Keeps the y axis readable when a curve explodes: it shows at most {@code factor} times the first loss. */
    public LineChart capY(double factor) {
        configure(Map.of("yMaxFactor", factor));
        return this;
    }

    private void configure(Map<String, Object> more) {
        options.putAll(more);
        getElement().callJsFunction("configure", json(more));
    }

    /** Everything again, for an element the browser has just built: points are keyed by x, so repeats are harmless. */
    private void replay() {
        getElement().callJsFunction("configure", json(options));
        getElement().callJsFunction("setSeries", json(labels));
        for (int series = 0; series < sent.size(); series++) {
            getElement().callJsFunction("append", series, json(sent.get(series).get(0)), json(sent.get(series).get(1)));
        }
        if (marks != null) {
            getElement().callJsFunction("setMarks", marks);
        }
    }

    /** Adds an empty series and answers its index. */
    public int addSeries(String label) {
        labels.add(label);
        sent.add(List.of(new ArrayList<>(), new ArrayList<>()));
        getElement().callJsFunction("addSeries", label);
        return labels.size() - 1;
    }

    public int seriesCount() {
        return labels.size();
    }

    public void relabel(int series, String label) {
        labels.set(series, label);
        getElement().callJsFunction("relabel", series, label);
    }

    public void append(int series, double x, Double y) {
        append(series, List.of(x), Collections.singletonList(y));
    }

    /**
     * Adds points to a series; a null y is a gap (a loss that was not a finite number). Points added during one
     * server round trip travel to the browser together.
     */
    public void append(int series, List<Double> xs, List<Double> ys) {
        if (pending.isEmpty()) {
            getElement().getNode().runWhenAttached(ui -> ui.beforeClientResponse(this, context -> flush()));
        }
        List<List<Double>> points = pending.computeIfAbsent(series, s -> List.of(new ArrayList<>(), new ArrayList<>()));
        points.get(0).addAll(xs);
        points.get(1).addAll(ys);
        sent.get(series).get(0).addAll(xs);
        sent.get(series).get(1).addAll(ys);
    }

    private void flush() {
        pending.forEach((series, points) -> getElement().callJsFunction("append", series, json(points.get(0)),
                json(points.get(1))));
        pending.clear();
    }

    /** Saves the chart as a PNG file in the learner's downloads. */
    public void downloadPng(String fileName) {
        getElement().callJsFunction("downloadPng", fileName);
    }

    /** Marks the chart with vertical lines and, when {@code from < to}, a shaded band between them. */
    public void mark(List<Line> lines, double from, double to) {
        marks = json(from < to
                ? Map.of("lines", lines, "band", Map.of("from", from, "to", to))
                : Map.of("lines", lines));
        getElement().callJsFunction("setMarks", marks);
    }

    public void clear() {
        labels.clear();
        pending.clear();
        sent.clear();
        marks = null;
        getElement().callJsFunction("setSeries", "[]");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Chart data could not be written as JSON", e);
        }
    }
}
