#include "pneumoplan/report/figure_folder.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <set>
#include <thread>

#include "pneumoplan/core/available_cpus.hpp"
#include "pneumoplan/core/error.hpp"

namespace fs = std::filesystem;

namespace pneumo {

std::vector<WrittenFigure> write_figure_folder(const FigureRenderer& renderer, const std::vector<Figure>& figures,
                                               FigureFormat format, const std::string& folder, bool with_scripts) {
  std::set<std::string> names;
  for (const auto& f : figures) {
    if (!names.insert(f.name).second) throw std::logic_error("two figures named " + f.name);
  }
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (!fs::is_directory(folder)) {
    throw IoError("cannot create the figure folder " + folder + (ec ? ": " + ec.message() : std::string()));
  }
  // gnuplot runs are independent processes: several at a time, each figure's result kept in its slot,
  // so the files and the order of the list do not depend on which finished first.
  std::vector<RenderedFigure> rendered(figures.size());
  std::vector<std::exception_ptr> errors(figures.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < figures.size(); i = next++) {
      try {
        const std::string file = figures[i].name + "." + figure_extension(format);
        rendered[i] = renderer.render(figures[i], format, (fs::path(folder) / file).string());
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  // gnuplot processes at once: at most 4, and no more than the CPUs this process may use.
  const std::size_t cpus = static_cast<std::size_t>(default_thread_count().threads);
  const std::size_t workers = std::min<std::size_t>(figures.size(), std::clamp<std::size_t>(cpus, 1, 4));
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  for (const auto& error : errors) {
    if (error) std::rethrow_exception(error);  // the first failing figure in the list; temporaries go with `rendered`
  }

  std::vector<WrittenFigure> written;
  std::vector<std::unique_ptr<AtomicOutput>> pending;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const Figure& figure = figures[i];
    const std::string file = figure.name + "." + figure_extension(format);
    pending.push_back(std::move(rendered[i].output));
    if (with_scripts) {
      // The script names the figure's final file, relative to the folder: `cd folder; gnuplot -d NAME.gp`.
      auto script = std::make_unique<AtomicOutput>((fs::path(folder) / (figure.name + ".gp")).string());
      const std::string text = gnuplot_script(figure, format, file);
      std::FILE* out = std::fopen(script->temporary_path().c_str(), "wb");
      if (!out) throw IoError("cannot write " + script->final_path());
      const bool ok = std::fwrite(text.data(), 1, text.size(), out) == text.size();
      if (std::fclose(out) != 0 || !ok) throw IoError("cannot write " + script->final_path());
      pending.push_back(std::move(script));
    }
    written.push_back({figure.name, file, figure.caption, rendered[i].gnuplot_messages});
  }
  for (auto& output : pending) output->commit();
  return written;
}

}  // namespace pneumo
