using System.Text;

namespace CollegeBot.FakeTelegram;

/// <summary>Text after entity parsing: what the person sees, with its formatting entities.</summary>
internal sealed record ParsedText(string Text, IReadOnlyList<BotEntity> Entities);

/// <summary>
/// Parses <c>parse_mode=HTML</c> text the way Telegram does: only its tags, properly nested and closed;
/// errors name UTF-8 byte offsets of the original text, as Telegram's do. One deliberate difference: a bare
/// '&amp;' or an unknown named entity is an error here (Telegram keeps it as it is), so that text a person
/// typed and the bot forgot to escape is caught.
/// </summary>
internal static class HtmlEntityParser
{
    private static readonly HashSet<string> AllowedTags =
    [
        "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "blockquote",
        "tg-spoiler", "span", "tg-emoji",
    ];

    private sealed record OpenTag(string Name, int Utf16Start, string? Argument)
    {
        public string? PreLanguage { get; set; }
    }

    public static ParsedText Parse(string html)
    {
        var text = Encoding.UTF8.GetBytes(html);
        var output = new List<byte>(text.Length);
        var open = new List<OpenTag>();
        var entities = new List<BotEntity>();
        var utf16 = 0;
        var i = 0;
        byte At(int index) => index < text.Length ? text[index] : (byte)0;

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '&')
            {
                if (!HtmlCharacterEntities.TryDecode(text, ref i, out var codePoint))
                {
                    throw Fail($"Character entity expected at byte offset {i}");
                }

                utf16 += HtmlCharacterEntities.Append(output, codePoint);
                continue;
            }

            if (c != '<')
            {
                output.Add(c);
                if ((c & 0xC0) != 0x80)
                {
                    utf16 += c >= 0xF0 ? 2 : 1;
                }

                i++;
                continue;
            }

            var begin = i++;
            if (At(i) != '/')
            {
                open.Add(ReadStartTag(text, ref i, begin, utf16));
                continue;
            }

            if (open.Count == 0)
            {
                throw Fail($"Unexpected end tag at byte offset {begin}");
            }

            i++;
            var nameBegin = i;
            while (At(i) != 0 && !IsSpace(At(i)) && At(i) != '>')
            {
                i++;
            }

            var endName = Lower(text, nameBegin, i);
            while (At(i) != 0 && IsSpace(At(i)))
            {
                i++;
            }

            if (At(i) != '>')
            {
                throw Fail($"Unclosed end tag at byte offset {begin}");
            }

            i++;
            var tag = open[^1];
            if (endName.Length > 0 && endName != tag.Name)
            {
                throw Fail($"Unmatched end tag at byte offset {begin}, expected \"</{tag.Name}>\", found \"</{endName}>\"");
            }

            open.RemoveAt(open.Count - 1);
            Close(tag, open.Count > 0 ? open[^1] : null, utf16, entities);
        }

        if (open.Count > 0)
        {
            throw Fail($"Can't find end tag corresponding to start tag \"{open[^1].Name}\"");
        }

        entities.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : b.Length.CompareTo(a.Length));
        return new ParsedText(Encoding.UTF8.GetString(output.ToArray()), entities);
    }

    private static OpenTag ReadStartTag(byte[] text, ref int i, int begin, int utf16)
    {
        byte At(int index) => index < text.Length ? text[index] : (byte)0;
        while (At(i) != 0 && !IsSpace(At(i)) && At(i) != '>')
        {
            i++;
        }

        if (At(i) == 0)
        {
            throw Fail($"Unclosed start tag at byte offset {begin}");
        }

        var tag = Lower(text, begin + 1, i);
        if (!AllowedTags.Contains(tag))
        {
            throw Fail($"Unsupported start tag \"{tag}\" at byte offset {begin}");
        }

        string? argument = null;
        while (At(i) != '>')
        {
            while (At(i) != 0 && IsSpace(At(i)))
            {
                i++;
            }

            if (At(i) == '>')
            {
                break;
            }

            if (At(i) == 0)
            {
                throw Fail($"Unclosed start tag at byte offset {begin}");
            }

            var attributeBegin = i;
            while (At(i) != 0 && !IsSpace(At(i)) && At(i) != '=')
            {
                i++;
            }

            var attribute = Lower(text, attributeBegin, i);
            if (attribute.Length == 0)
            {
                throw Fail($"Empty attribute name in the tag \"{tag}\" at byte offset {begin}");
            }

            while (At(i) != 0 && IsSpace(At(i)))
            {
                i++;
            }

            if (At(i) == 0)
            {
                throw Fail($"Unclosed start tag \"{tag}\" at byte offset {begin}");
            }

            if (At(i) != '=')
            {
                throw Fail($"Expected equal sign in declaration of an attribute of the tag \"{tag}\" at byte offset {begin}");
            }

            i++;
            while (At(i) != 0 && IsSpace(At(i)))
            {
                i++;
            }

            if (At(i) == 0)
            {
                throw Fail($"Unclosed start tag \"{tag}\" at byte offset {begin}");
            }

            string value;
            if (At(i) != '\'' && At(i) != '"')
            {
                var tokenBegin = i;
                while (char.IsAsciiLetterOrDigit((char)At(i)) || At(i) == '.' || At(i) == '-')
                {
                    i++;
                }

                if (At(i) != 0 && !IsSpace(At(i)) && At(i) != '>')
                {
                    throw Fail($"Unexpected end of name token at byte offset {tokenBegin}");
                }

                value = Lower(text, tokenBegin, i);
            }
            else
            {
                var quote = text[i++];
                var bytes = new List<byte>();
                while (At(i) != quote && At(i) != 0)
                {
                    if (At(i) == '&' && HtmlCharacterEntities.TryDecode(text, ref i, out var codePoint))
                    {
                        HtmlCharacterEntities.Append(bytes, codePoint);
                        continue;
                    }

                    bytes.Add(text[i++]);
                }

                if (At(i) == quote)
                {
                    i++;
                }

                value = Encoding.UTF8.GetString(bytes.ToArray());
            }

            if (At(i) == 0)
            {
                throw Fail($"Unclosed start tag at byte offset {begin}");
            }

            argument = (tag, attribute) switch
            {
                ("a", "href") => value,
                ("code", "class") when value.StartsWith("language-", StringComparison.Ordinal) => value["language-".Length..],
                ("span", "class") => value,
                ("tg-emoji", "emoji-id") => value,
                ("blockquote", "expandable") => "expandable",
                _ => argument,
            };
        }

        i++;
        if (tag == "span" && argument != "tg-spoiler")
        {
            throw Fail($"Tag \"span\" must have class \"tg-spoiler\" at byte offset {begin}");
        }

        return new OpenTag(tag, utf16, argument);
    }

    private static void Close(OpenTag tag, OpenTag? parent, int utf16End, List<BotEntity> entities)
    {
        var length = utf16End - tag.Utf16Start;
        if (tag.Name == "code" && tag.Argument is { Length: > 0 } language && parent is { Name: "pre" })
        {
            // <pre><code class="language-x"> is one pre entity with a language, as Telegram merges it.
            parent.PreLanguage = language;
            return;
        }

        if (length <= 0)
        {
            return;
        }

        var entity = tag.Name switch
        {
            "b" or "strong" => new BotEntity("bold", tag.Utf16Start, length),
            "i" or "em" => new BotEntity("italic", tag.Utf16Start, length),
            "u" or "ins" => new BotEntity("underline", tag.Utf16Start, length),
            "s" or "strike" or "del" => new BotEntity("strikethrough", tag.Utf16Start, length),
            "tg-spoiler" or "span" => new BotEntity("spoiler", tag.Utf16Start, length),
            "code" => new BotEntity("code", tag.Utf16Start, length),
            "pre" => new BotEntity("pre", tag.Utf16Start, length, Language: tag.PreLanguage),
            "blockquote" => new BotEntity(tag.Argument is null ? "blockquote" : "expandable_blockquote", tag.Utf16Start, length),
            "tg-emoji" => new BotEntity("custom_emoji", tag.Utf16Start, length),
            "a" when !string.IsNullOrEmpty(tag.Argument) => new BotEntity("text_link", tag.Utf16Start, length, Url: tag.Argument),
            _ => null,
        };
        if (entity is not null)
        {
            entities.Add(entity);
        }
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or (byte)'\v';

    private static string Lower(byte[] text, int from, int to) =>
        Encoding.UTF8.GetString(text, from, to - from).ToLowerInvariant();

    private static ApiException Fail(string message) => ApiException.BadRequest("can't parse entities: " + message);
}
