import ArgumentParser
import Foundation
import Kernel

/// `baomi marking lint` — finds markings in text and reports malformed ones (R-LV-2, R-DU-1, R-DU-3).
struct MarkingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "marking", abstract: "国家秘密标志。Markings.", subcommands: [Lint.self])

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "检查文本中的国家秘密标志并给出修改建议。Lint the markings in a text and suggest fixes.",
            discussion: "文本可直接给出，或用 --file 读取文件，或 - 读标准输入。Give the text, --file PATH, or - for stdin.")

        @Argument(help: "要检查的文本。Text to check.") var text: String?
        @Option(name: .long, help: "从文件读取。Read from a file.") var file: String?

        func run() throws {
            let input: String
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("错误：无法读取文件 \(file)\n".utf8))
                    throw ExitCode(1)
                }
                input = String(decoding: data, as: UTF8.self)
            } else if text == "-" || text == nil {
                input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            } else {
                input = text!
            }
            let findings = MarkingLint.scan(input)
            if findings.isEmpty {
                say("未发现不规范的国家秘密标志。No problems found.")
                return
            }
            for f in findings {
                var line = "第\(f.line)行第\(f.column)列  \(f.found)  \(f.message)（\(f.ruleID)）"
                if let s = f.suggestion { line += "  建议：\(s)" }
                say(line)
            }
            throw ExitCode(1)
        }
    }
}
