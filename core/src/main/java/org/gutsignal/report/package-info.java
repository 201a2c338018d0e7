/**
 * Pictures and a self-contained report of a gutsignal analysis.
 *
 * <p>{@link org.gutsignal.report.Plots} renders the figures (ROC and precision-recall curves,
 * calibration, model coefficients, per-site forest plot, value by response) to PNG
 * {@link org.gutsignal.report.Plot}s from plain values: {@link org.gutsignal.report.Curve},
 * {@link org.gutsignal.report.CalibrationBin}, {@link org.gutsignal.report.Coefficient},
 * {@link org.gutsignal.report.GroupEstimate} and arrays. {@link org.gutsignal.report.HtmlReport}
 * collects text, provenance, tables and images into one HTML file with the images embedded;
 * {@link org.gutsignal.report.CsvTables} writes the same tables as CSV for R or Python.
 * Every file is written atomically.
 */
package org.gutsignal.report;
