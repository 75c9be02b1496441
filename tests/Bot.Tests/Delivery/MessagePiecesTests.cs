using CollegeBot.Bot.Delivery;

namespace CollegeBot.Bot.Tests.Delivery;

public sealed class MessagePiecesTests
{
    [Fact]
    public void A_short_message_is_one_piece() => Assert.Equal(["hello"], MessagePieces.Split("hello"));

    [Fact]
    public void A_long_list_is_cut_at_line_breaks_into_pieces_that_fit()
    {
        var lines = Enumerable.Range(1, 400).Select(i => $"{i}. Student number {i} — 4 h, due Tue 25 Nov");
        var html = string.Join("\n", lines);
        var pieces = MessagePieces.Split(html);

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.True(p.Length <= MessagePieces.Limit));
        Assert.All(pieces, p => Assert.EndsWith("Nov", p));
        Assert.Equal(html, string.Join("\n", pieces));
    }

    [Fact]
    public void A_cut_inside_bold_text_closes_and_reopens_the_tag()
    {
        var html = "<b>" + new string('x', 5000) + "</b>";
        var pieces = MessagePieces.Split(html);

        Assert.Equal(2, pieces.Count);
        Assert.StartsWith("<b>", pieces[0]);
        Assert.EndsWith("</b>", pieces[0]);
        Assert.StartsWith("<b>", pieces[1]);
        Assert.All(pieces, p => Assert.True(p.Length <= MessagePieces.Limit));
    }

    [Fact]
    public void A_cut_never_splits_an_html_entity()
    {
        var html = string.Concat(Enumerable.Repeat("a&amp;", 1500));
        var pieces = MessagePieces.Split(html);
        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.Matches("^(a|&amp;)+$", p));
    }
}
