/// The median report of several runs of one scenario, for `--runs N`.
///
/// The host shares its cores and memory with other work, so one run can
/// land a fifth above or below the next. Each run gets a new runtime and
/// data folder, and one command gives the medians for `docs/benchmarks.md`.
enum RepeatedRuns {
    /// Returns one report whose fields are the medians of `reports`, followed by `runs` and each run's report.
    ///
    /// A field keeps its name, so `events_per_second` is the median rate.
    /// Numbers take the median, or the mean of the middle two for an even
    /// count. A text field lists each distinct value, comma-separated. A flag
    /// is true only when it is true in every run. A field missing from some
    /// runs takes the median of the runs that have it.
    static func median(of reports: [BenchReport]) -> BenchReport {
        precondition(!reports.isEmpty, "a median needs at least one report")
        var combined = BenchReport(scenario: reports[0].scenario)
        var names: [String] = []
        for report in reports {
            for field in report.fields where !names.contains(field.name) {
                names.append(field.name)
            }
        }
        for name in names {
            let values = reports.compactMap { $0[name] }
            if let value = median(of: values) {
                combined.set(name, value)
            }
        }
        combined.set("runs", .integer(reports.count))
        combined.eachRun = reports
        return combined
    }

    /// Returns the median of one field's values, or nil when they mix kinds, which no scenario does.
    static func median(of values: [BenchReport.Value]) -> BenchReport.Value? {
        guard let first = values.first else {
            return nil
        }
        switch first {
        case .integer:
            let numbers = values.compactMap { value -> Int? in if case .integer(let number) = value { number } else { nil } }
            guard numbers.count == values.count else { return nil }
            let sorted = numbers.sorted()
            let middle = sorted.count / 2
            return .integer(sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle] + 1) / 2)
        case .decimal(_, let decimals):
            let numbers = values.compactMap { value -> Double? in if case .decimal(let number, _) = value { number } else { nil } }
            guard numbers.count == values.count else { return nil }
            let sorted = numbers.sorted()
            let middle = sorted.count / 2
            return .decimal(sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2, decimals: decimals)
        case .text:
            var words: [String] = []
            for value in values {
                guard case .text(let word) = value else { return nil }
                if !words.contains(word) {
                    words.append(word)
                }
            }
            return .text(words.joined(separator: ","))
        case .flag:
            var all = true
            for value in values {
                guard case .flag(let flag) = value else { return nil }
                all = all && flag
            }
            return .flag(all)
        }
    }
}
