import Foundation
import LedgerportJSONSchema
import LedgerportSDK

/// The file layout rule: a spec lives at `<id>/<version>.json`, matching the id and version inside.
///
/// The registry finds implementations by `id@version` and people find specs by
/// path, so the two must never disagree.
enum SpecFilePath {
    /// Returns a `file_path` issue for each of id and version that disagrees with the path.
    static func issues(file: String, document: JSONValue) -> [ValidationIssue] {
        let url = URL(fileURLWithPath: file)
        let folder = url.deletingLastPathComponent().lastPathComponent
        let baseName = url.deletingPathExtension().lastPathComponent
        var issues: [ValidationIssue] = []

        if let id = document["id"]?.stringValue, id != folder {
            issues.append(ValidationIssue(
                file: file, pointer: JSONPointer(tokens: ["id"]), rule: "file_path",
                message: "the spec's id is \(MessageText.quote(id)) but the file is in folder \(MessageText.quote(folder))",
                fix: "move the file to \(id)/\(baseName).json, or correct \"id\""
            ))
        }
        if let version = document["version"]?.stringValue, version != baseName || url.pathExtension != "json" {
            issues.append(ValidationIssue(
                file: file, pointer: JSONPointer(tokens: ["version"]), rule: "file_path",
                message: "the spec's version is \(MessageText.quote(version)) but the file is named \(MessageText.quote(url.lastPathComponent))",
                fix: "rename the file to \(version).json, or correct \"version\""
            ))
        }
        return issues
    }
}

/// Finds spec files below a folder.
enum SpecFileWalker {
    /// Returns `path` itself for a file, or every `.json` file below a folder (sorted, without
    /// the spec schema); empty when nothing exists at `path`.
    static func specFiles(at path: String) -> [String] {
        guard isDirectory(path) else {
            return FileManager.default.fileExists(atPath: path) ? [path] : []
        }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            return []
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard relative.hasSuffix(".json"), name != SpecLoader.schemaFileName, !name.hasPrefix(".") else {
                continue
            }
            files.append((path as NSString).appendingPathComponent(relative))
        }
        return files.sorted()
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
