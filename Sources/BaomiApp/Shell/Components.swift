/// What many pages repeat, written once.
enum Components {
    /// A select's options, the chosen one selected.
    static func options<S: Sequence>(_ options: S, value: (S.Element) -> String, label: (S.Element) -> String, selected: (S.Element) -> Bool)
        -> HTML
    {
        var out = HTML.empty
        for o in options {
            out.append(#"<option value="\#(value(o))"\#(if: selected(o), " selected")>\#(label(o))</option>"#)
        }
        return out
    }

    /// An import report listing only the first of its problems: says how many there are in all.
    static func problemsCut(shown: Int, total: Int) -> HTML {
        #"<span data-testid="problems-cut">共 \#(total) 处问题，以下只列出前 \#(shown) 处；请改正后再试导入。</span>"#
    }

    /// The hidden field every form posts (R-SY-2: no form is taken without it).
    static func csrf(_ token: String) -> HTML { #"<input type="hidden" name="_csrf" value="\#(token)">"# }
}

extension Pager {
    /// 翻页: the total, the order menu when there is a choice, and the links to the pages beside this one.
    var html: HTML {
        """
        <div class="bm-pager bm-noprint" data-testid="pager">
          <span data-testid="pager-total">共 \(total)，本页 \(shown) 件</span>
          \(if: hasOrders, orderMenu)
          \(previous.map(Self.previousLink))
          \(next.map(Self.nextLink))
        </div>
        """
    }

    private static func previousLink(_ href: String) -> HTML {
        #"<a class="btn btn-sm btn-outline-secondary" rel="prev" href="\#(href)" data-testid="pager-prev">上一页</a>"#
    }

    private static func nextLink(_ href: String) -> HTML {
        #"<a class="btn btn-sm btn-outline-secondary" rel="next" href="\#(href)" data-testid="pager-next">下一页</a>"#
    }

    private static func hiddenField(_ field: Order) -> HTML { #"<input type="hidden" name="\#(field.label)" value="\#(field.value)">"# }

    private var orderMenu: HTML {
        """
        <form method="get" action="\(path)" class="bm-pager-order">
            \(each: hidden, Self.hiddenField)
            <label>排序<select name="order" class="form-select form-select-sm">\(Components.options(orders))</select></label>
            <button type="submit" class="btn btn-sm btn-outline-secondary">排序</button>
          </form>
        """
    }
}

/// A choice of a select: its value, its label and whether it is chosen.
protocol SelectOption {
    var value: String { get }
    var label: String { get }
    var selected: Bool { get }
}

extension SecretController.Option: SelectOption {}
extension Pager.Order: SelectOption {}

extension Components {
    /// A select's options, the chosen one selected.
    static func options<O: SelectOption>(_ options: [O]) -> HTML {
        Self.options(options, value: \.value, label: \.label, selected: \.selected)
    }

    /// A select's options with none chosen beforehand: a form whose choice is made afresh each time.
    static func choices<O: SelectOption>(_ options: [O]) -> HTML {
        Self.options(options, value: \.value, label: \.label, selected: { _ in false })
    }
}
