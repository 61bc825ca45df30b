// Occupational-health institutions of a city (institutions.csv): what each can do, where, since when and
// with what capacity. Exam capacity limits the exams of its county (city-level institutions serve every
// county); diagnosis capacity limits diagnoses city-wide; the counts are plan indicators.
#pragma once

#include <cstdint>
#include <string>

namespace pneumo {

struct Institution {
  std::string name;
  int county = -1;  // county index, or -1 for a city-level institution
  bool is_public = true;
  bool exam = false;                  // occupational health examination (职业健康检查)
  bool radiation_exam = false;        // examinations of radiation workers
  bool diagnosis = false;             // occupational disease diagnosis (职业病诊断)
  bool prevention_institute = false;  // city occupational disease prevention institute (防治院/所)
  int opens_year = 0;                 // first year in service
  int closes_year = 0;                // last year in service; 0 = still open
  double exam_capacity_per_year = 0.0;
  double diagnosis_capacity_per_year = 0.0;
  long line = 0;

  bool open_in(int year) const { return year >= opens_year && (closes_year == 0 || year <= closes_year); }
};

}  // namespace pneumo
