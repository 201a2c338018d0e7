/**
 * Pictures and a self-contained report of a gutsignal analysis, made straight from the results
 * of {@code eval} and {@code model}; nothing else in the library imports this package.
 *
 * <p>{@link org.gutsignal.report.Plots} renders the figures to PNG
 * {@link org.gutsignal.report.Plot}s: ROC and precision-recall curves from
 * {@code RocCurve}/{@code PrecisionRecallCurve} with their {@code Auroc}/{@code Auprc},
 * calibration from {@code CalibrationCurve} and {@code Calibration}, coefficients from a
 * {@code ResponseModel} (coloured by a {@code MoleculeCatalog}'s expected directions), a forest
 * plot from AUROCs by group ({@code CvResult.aurocByGroup()}) and a strip plot of one value by
 * response. {@link org.gutsignal.report.HtmlReport} collects text, provenance, tables and images
 * into one HTML file with the images embedded; {@link org.gutsignal.report.CsvTables} writes
 * tables as CSV for R or Python. Every file is written atomically.
 */
package org.gutsignal.report;
