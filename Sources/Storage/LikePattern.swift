extension String {
    /// The text as a literal inside a `LIKE … ESCAPE '\'` pattern: `%`, `_` and `\` lose their wildcard meaning, so a
    /// search for “%” finds titles containing “%”, not everything the viewer may see (issue 9 #12).
    package var likeEscaped: String {
        var out = ""
        for c in self {
            if c == "\\" || c == "%" || c == "_" { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// A `LIKE` pattern (with `ESCAPE '\'`) matching values that contain the text.
    package var likeContaining: String { "%\(likeEscaped)%" }

    /// A `LIKE` pattern (with `ESCAPE '\'`) matching values that start with the text.
    package var likePrefix: String { "\(likeEscaped)%" }
}
