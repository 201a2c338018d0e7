#!/usr/bin/env Rscript
# Reference values for SiamcatNormalizationTest (org.gutsignal.transform): SIAMCAT's own
# normalize.features(), run unmodified on the small tables train.csv and new.csv in siamcat/.
#
# SIAMCAT (Wirbel et al. 2021, GPL-3) is not vendored here and is not installable on the build
# machines (Bioconductor only). Fetch the one file this script sources, at the commit it was
# checked against:
#
#   git clone https://github.com/zellerlab/siamcat.git
#   git -C siamcat checkout 6fcb862126985515560c663df6fb187bf1bd3d9c      # 2024-01-29, version 2.7.2
#   Rscript make_siamcat_norm_reference.R siamcat/R/normalize_features.r  # run in this folder
#
# R/normalize_features.r at that commit is git blob 80a2c9c91ada22ab19f0612c16248a730cfe22b8
# (md5 ee5ec141ff38272c9b439e49a74849a3; last changed in b20ac02, 2023-05-16); the script refuses
# another file. normalize.features() takes a SIAMCAT S4 object only to read the filtered feature
# matrix and to store the result, so the script gives it a plain list and defines the three
# accessors it calls (filt_feat, get.filt_feat.matrix, norm_feat<-) on that list; the
# normalisation itself is SIAMCAT's code as published, with matrixStats (rowSds, colRanks) as
# SIAMCAT imports it. Checked with R 4.2.2 and matrixStats 0.63.0.
#
# SIAMCAT stores features as rows and samples as columns; the CSV files here have one row per
# sample (sample_id, then features), as gutsignal's tables. For each case in cases.csv the script
# writes, into siamcat/:
#   <case>.train.csv  de novo normalisation of train.csv (the features SIAMCAT retains)
#   <case>.new.csv    frozen normalisation of new.csv with the parameters learnt on train.csv
#                     (normalize.features(..., norm.param = <those parameters>))
#   <case>.params.csv the numeric parameters SIAMCAT keeps (parameter, feature, value; feature
#                     empty for the single number global.norm): feat.mean, feat.adj.sd,
#                     feat.norm.denom, global.norm
# Numbers are written with 17 significant digits, so they read back as the same doubles.
# Not run by the build.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript make_siamcat_norm_reference.R path/to/siamcat/R/normalize_features.r")
src <- args[1]
if (unname(tools::md5sum(src)) != "ee5ec141ff38272c9b439e49a74849a3") {
    stop(src, " is not R/normalize_features.r of SIAMCAT commit 6fcb862126985515560c663df6fb187bf1bd3d9c")
}
suppressPackageStartupMessages(library(matrixStats))

siamcat <- new.env()
# the accessors normalize.features() calls, on a plain list instead of a SIAMCAT object
siamcat$filt_feat <- function(x, verbose = 1) x$filt
siamcat$get.filt_feat.matrix <- function(x) x$filt
siamcat$`norm_feat<-` <- function(x, value) { x$norm <- value; x }
sys.source(src, envir = siamcat)

dir <- "siamcat"
read_table <- function(name) {
    d <- read.csv(file.path(dir, name), check.names = FALSE, colClasses = c("character"))
    m <- t(apply(as.matrix(d[, -1, drop = FALSE]), 2, as.numeric))  # features x samples
    dimnames(m) <- list(colnames(d)[-1], d[[1]])
    m
}
num <- function(v) sprintf("%.17g", v)
write_table <- function(m, name) {  # m: features x samples
    out <- data.frame(sample_id = colnames(m), apply(t(m), 2, num), check.names = FALSE)
    colnames(out) <- c("sample_id", rownames(m))
    write.csv(out, file.path(dir, name), row.names = FALSE, quote = FALSE)
}

train <- read_table("train.csv")
new <- read_table("new.csv")
cases <- read.csv(file.path(dir, "cases.csv"), colClasses = c("character", "character", rep("numeric", 4)))
for (k in seq_len(nrow(cases))) {
    cs <- cases[k, ]
    param <- list()
    for (p in c("log.n0", "n.p", "norm.margin", "sd.min.q")) {
        if (!is.na(cs[[p]])) param[[p]] <- cs[[p]]
    }
    fitted <- siamcat$normalize.features(list(filt = train), norm.method = cs$method, norm.param = param,
        feature.type = "filtered", verbose = 0)
    frozen <- siamcat$normalize.features(list(filt = new), norm.param = fitted$norm$norm.param,
        feature.type = "filtered", verbose = 0)
    write_table(fitted$norm$norm.feat, paste0(cs$case, ".train.csv"))
    write_table(frozen$norm$norm.feat, paste0(cs$case, ".new.csv"))
    par <- fitted$norm$norm.param
    rows <- list()
    for (p in c("feat.mean", "feat.adj.sd", "feat.norm.denom", "global.norm")) {
        v <- par[[p]]
        if (!is.null(v)) {
            # rank.std's feat.adj.sd has no names (matrixStats::rowSds drops them); it is in retained.feat order
            f <- if (p == "global.norm") "" else if (is.null(names(v))) par$retained.feat else names(v)
            rows[[p]] <- data.frame(parameter = p, feature = f, value = num(v))
        }
    }
    params <- do.call(rbind, c(list(data.frame(parameter = character(), feature = character(), value = character())),
        unname(rows)))
    write.csv(params, file.path(dir, paste0(cs$case, ".params.csv")), row.names = FALSE, quote = FALSE)
    cat(sprintf("%-16s %-9s retained %s\n", cs$case, cs$method, paste(par$retained.feat, collapse = " ")))
}
