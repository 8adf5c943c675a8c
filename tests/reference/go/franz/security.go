package main

// Connection security for the scenarios, from the environment, so the same scenarios run
// over TLS and SASL too:
//   FRANZ_TLS_CA         PEM CA file: connect with TLS, trusting it
//   FRANZ_TLS_CERT/KEY   a client certificate (mTLS)
//   FRANZ_SASL           PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, with FRANZ_USER, FRANZ_PASSWORD;
//                        or OAUTHBEARER with the token in FRANZ_TOKEN

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"os"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/sasl/oauth"
	"github.com/twmb/franz-go/pkg/sasl/plain"
	"github.com/twmb/franz-go/pkg/sasl/scram"
)

func securityOpts() []kgo.Opt {
	var opts []kgo.Opt
	if ca := os.Getenv("FRANZ_TLS_CA"); ca != "" {
		pem, err := os.ReadFile(ca)
		check(err, "reading FRANZ_TLS_CA")
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			fail("FRANZ_TLS_CA holds no certificate")
		}
		cfg := &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
		if cert := os.Getenv("FRANZ_TLS_CERT"); cert != "" {
			pair, err := tls.LoadX509KeyPair(cert, os.Getenv("FRANZ_TLS_KEY"))
			check(err, "loading the client certificate")
			cfg.Certificates = []tls.Certificate{pair}
		}
		opts = append(opts, kgo.DialTLSConfig(cfg))
	}
	user, password := os.Getenv("FRANZ_USER"), os.Getenv("FRANZ_PASSWORD")
	switch os.Getenv("FRANZ_SASL") {
	case "":
	case "PLAIN":
		opts = append(opts, kgo.SASL(plain.Auth{User: user, Pass: password}.AsMechanism()))
	case "SCRAM-SHA-256":
		opts = append(opts, kgo.SASL(scram.Auth{User: user, Pass: password}.AsSha256Mechanism()))
	case "SCRAM-SHA-512":
		opts = append(opts, kgo.SASL(scram.Auth{User: user, Pass: password}.AsSha512Mechanism()))
	case "OAUTHBEARER":
		opts = append(opts, kgo.SASL(oauth.Auth{Token: os.Getenv("FRANZ_TOKEN")}.AsMechanism()))
	default:
		fail("unknown FRANZ_SASL %q", os.Getenv("FRANZ_SASL"))
	}
	return opts
}

// scenarioRefused expects the connection to be refused: it lists topics once, and reports the
// error it got (the scenario fails if the listing succeeds).
func scenarioRefused() map[string]any {
	cl := newClient("refused", kgo.RequestRetries(0), kgo.RetryTimeout(0))
	defer cl.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 15e9)
	defer cancel()
	_, err := kadm.NewClient(cl).ListTopics(ctx)
	if err == nil {
		fail("the listing succeeded; it should have been refused")
	}
	return map[string]any{"refused": err.Error()}
}
