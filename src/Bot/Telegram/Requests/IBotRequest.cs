namespace CollegeBot.Bot.Telegram;

/// <summary>
/// One Bot API call: the record's properties are the method's parameters (snake_case in JSON) and
/// <typeparamref name="TResult"/> is what <c>result</c> holds.
/// </summary>
public interface IBotRequest<TResult>
{
    /// <summary>The Bot API's name of the method, as in the URL.</summary>
    string MethodName { get; }
}

/// <summary>A request with a file field: when that file is to be uploaded, the call goes as multipart/form-data.</summary>
internal interface IUploadRequest
{
    /// <summary>The parameter's name, which is also the name of the file's form part.</summary>
    string FileField { get; }

    InputFile File { get; }
}
