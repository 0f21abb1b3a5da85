import Foundation

/// The `connector-specs` folder a process uses, and how it was found.
///
/// The search order is: the `--specs` option, then the `LEDGERPORT_SPECS_DIR`
/// environment variable, then `./connector-specs`, then a `connector-specs`
/// folder in the executable's folder or any folder above it (so that
/// `.build/debug/ledgerport` inside a checkout finds the checkout's specs).
/// A folder counts only when it contains `connector-spec.schema.json`. A folder
/// named by the option or the variable that does not qualify is an error, not
/// a reason to keep searching, so a typo never silently selects other specs.
package struct SpecsDirectory: Sendable, Hashable {
    /// The place the folder was found through.
    package enum Source: String, Sendable, Hashable {
        case option = "--specs"
        case environment = "LEDGERPORT_SPECS_DIR"
        case workingDirectory = "./connector-specs"
        case executable = "above the executable"
    }

    /// The name of the environment variable that names the folder.
    package static let environmentVariable = "LEDGERPORT_SPECS_DIR"
    /// The folder name searched for.
    package static let folderName = "connector-specs"

    package let path: String
    package let source: Source

    package init(path: String, source: Source) {
        self.path = path
        self.source = source
    }

    /// Finds the specs folder.
    ///
    /// - Parameters:
    ///   - option: the value of `--specs`, when given.
    ///   - environment: the process environment.
    ///   - currentDirectory: the working directory, for `./connector-specs`.
    ///   - executablePath: the running executable, for the search upward; symbolic links are resolved.
    package static func locate(
        option: String?, environment: [String: String], currentDirectory: String, executablePath: String?
    ) throws(SpecsDirectoryError) -> SpecsDirectory {
        if let option {
            return try checked(option, source: .option)
        }
        if let variable = environment[environmentVariable], !variable.isEmpty {
            return try checked(variable, source: .environment)
        }
        let local = (currentDirectory as NSString).appendingPathComponent(folderName)
        if holdsSpecs(local) {
            return SpecsDirectory(path: local, source: .workingDirectory)
        }
        if let executablePath, let found = searchUpward(from: executablePath) {
            return SpecsDirectory(path: found, source: .executable)
        }
        throw .notFound(searchedFrom: currentDirectory)
    }

    private static func checked(_ path: String, source: Source) throws(SpecsDirectoryError) -> SpecsDirectory {
        guard holdsSpecs(path) else {
            throw .invalid(path: path, source: source)
        }
        return SpecsDirectory(path: path, source: source)
    }

    private static func searchUpward(from executablePath: String) -> String? {
        var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while true {
            let candidate = folder.appendingPathComponent(folderName).path
            if holdsSpecs(candidate) {
                return candidate
            }
            let parent = folder.deletingLastPathComponent()
            guard parent.path != folder.path else {
                return nil
            }
            folder = parent
        }
    }

    /// Returns whether `path` is a folder containing the spec schema.
    package static func holdsSpecs(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(SpecLoader.schemaFileName))
    }
}

/// The reason no specs folder was found.
package enum SpecsDirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder named by the option or the variable does not contain the spec schema.
    case invalid(path: String, source: SpecsDirectory.Source)
    /// No folder was named and none was found.
    case notFound(searchedFrom: String)

    package var description: String {
        switch self {
        case .invalid(let path, let source):
            return "find connector specs: \"\(path)\" (from \(source.rawValue)) is not a folder containing \(SpecLoader.schemaFileName); point it at the repository's connector-specs folder"
        case .notFound(let directory):
            return "find connector specs: no connector-specs folder in \"\(directory)\" or above the executable; pass --specs DIR or set \(SpecsDirectory.environmentVariable) (for serve, \"specs_dir\" in its configuration)"
        }
    }
}
