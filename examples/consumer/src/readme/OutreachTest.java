package com.example.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.contract.mock.JournalEntry;
import io.github.unipilechat.contract.mock.MockUnipileExtension;
import io.github.unipilechat.contract.mock.MockUnipileServer;
import io.github.unipilechat.errors.UnprocessableEntityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// README, Testing your code against the mock: the whole class is the README's; this harness only adds imports.
// README snippet
