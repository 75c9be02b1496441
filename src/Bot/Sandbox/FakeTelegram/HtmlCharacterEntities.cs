using System.Text;

namespace CollegeBot.FakeTelegram;

/// <summary>The character entities Telegram's HTML knows.</summary>
internal static class HtmlCharacterEntities
{
    /// <summary>Decodes &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric references (the ';' may be missing,
    /// as Telegram allows); leaves <paramref name="i"/> after it.</summary>
    public static bool TryDecode(byte[] text, ref int i, out int codePoint)
    {
        byte At(int index) => index < text.Length ? text[index] : (byte)0;
        codePoint = 0;
        var p = i + 1;
        if (At(p) == '#')
        {
            p++;
            var hex = At(p) is (byte)'x' or (byte)'X';
            if (hex)
            {
                p++;
            }

            var start = p;
            long value = 0;
            while (hex ? char.IsAsciiHexDigit((char)At(p)) : char.IsAsciiDigit((char)At(p)))
            {
                var digit = At(p) <= '9' ? At(p) - '0' : (At(p) | 0x20) - 'a' + 10;
                value = (value * (hex ? 16 : 10)) + digit;
                if (value > 0x10FFFF)
                {
                    return false;
                }

                p++;
            }

            if (p == start || value == 0)
            {
                return false;
            }

            if (value is >= 0xD800 and <= 0xDFFF)
            {
                throw ApiException.BadRequest("can't parse entities: Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units");
            }

            codePoint = (int)value;
        }
        else
        {
            var start = p;
            while (char.IsAsciiLetter((char)At(p)))
            {
                p++;
            }

            codePoint = Encoding.ASCII.GetString(text, start, p - start) switch
            {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                _ => 0,
            };
            if (codePoint == 0)
            {
                return false;
            }
        }

        if (At(p) == ';')
        {
            p++;
        }

        i = p;
        return true;
    }

    /// <summary>Appends a code point as UTF-8 and returns its length in UTF-16 units.</summary>
    public static int Append(List<byte> output, int codePoint)
    {
        var s = char.ConvertFromUtf32(codePoint);
        output.AddRange(Encoding.UTF8.GetBytes(s));
        return s.Length;
    }
}
