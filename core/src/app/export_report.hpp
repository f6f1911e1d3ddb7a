#pragma once

#include "reable/app/export_service.hpp"

namespace reable::app {

/// The report's files: the indicator table (JSON and CSV), the Kaplan–Meier steps and the plots.
/// They share one pass over the cohort, made when the first of them is written.
void append_report_files(std::vector<ExportFile>& files, const ExportContext& context);

}  // namespace reable::app
