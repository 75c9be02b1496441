namespace CollegeBot.Bot.Delivery;

/// <summary>
/// Splits rendered HTML into pieces Telegram accepts (4096 characters each), at line breaks where possible and
/// never inside a tag or an entity, closing and reopening simple tags that a cut would leave open.
/// </summary>
public static class MessagePieces
{
    public const int Limit = 4096;

    public static IReadOnlyList<string> Split(string html, int limit = Limit)
    {
        var pieces = new List<string>();
        var rest = html;
        while (rest.Length > limit)
        {
            var cut = FindCut(rest, limit);
            var piece = rest[..cut].TrimEnd('\n');
            var open = OpenTags(piece);
            pieces.Add(piece + string.Concat(open.AsEnumerable().Reverse().Select(t => $"</{t}>")));
            rest = string.Concat(open.Select(t => $"<{t}>")) + rest[cut..].TrimStart('\n');
        }

        if (rest.Length > 0 || pieces.Count == 0)
        {
            pieces.Add(rest);
        }

        return pieces;
    }

    // Leaves room for the closing tags a cut may need to add.
    private static int FindCut(string text, int limit)
    {
        var max = limit - 64;
        var newline = text.LastIndexOf('\n', max - 1, max);
        var cut = newline > max / 2 ? newline + 1 : max;
        var lt = text.LastIndexOf('<', cut - 1, cut);
        if (lt >= 0 && text.IndexOf('>', lt) is var gt && gt >= cut)
        {
            cut = lt;
        }

        var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 10));
        if (amp >= 0 && text.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }

        return cut;
    }

    /// <summary>Tags opened and not closed in this piece, outermost first (only simple tags without attributes).</summary>
    private static List<string> OpenTags(string piece)
    {
        var stack = new List<string>();
        for (var i = piece.IndexOf('<'); i >= 0; i = piece.IndexOf('<', i + 1))
        {
            var end = piece.IndexOf('>', i);
            if (end < 0)
            {
                break;
            }

            var tag = piece[(i + 1)..end];
            if (tag.StartsWith('/'))
            {
                var name = tag[1..];
                var at = stack.LastIndexOf(name);
                if (at >= 0)
                {
                    stack.RemoveAt(at);
                }
            }
            else if (!tag.Contains(' '))
            {
                stack.Add(tag);
            }
        }

        return stack;
    }
}
