package com.grepsr.scheduler.bootstrap.config;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.domain.common.ServiceCode;
import com.grepsr.scheduler.domain.error.ValidationException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A crawler catalog as a properties file, one block of keys per service code:
 *
 * <pre>
 * acme-products.image=registry.example.com/crawlers/acme:1.4
 * acme-products.timeout=2h
 * acme-products.command=java,-jar,/app/crawler.jar
 * acme-products.args=--max-pages,500
 * acme-products.env.REGION=eu
 * acme-products.cpu=500m
 * acme-products.memory=1Gi
 * acme-products.cpu-limit=2
 * acme-products.memory-limit=2Gi
 * acme-products.setting.serviceAccount=crawler
 * </pre>
 *
 * Lists are comma-separated. Every service code needs an image; unknown keys are errors, so a
 * typo fails the start instead of silently running with a default.
 */
public final class CatalogFile {

    private CatalogFile() {
    }

    /** @throws SettingsException listing every bad entry */
    public static Map<ServiceCode, CrawlerSpec> load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new SettingsException(List.of("catalog file " + file + ": " + e.getMessage()));
        }
        Map<String, Map<String, String>> blocks = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            int dot = key.indexOf('.');
            if (dot <= 0) {
                problems.add(file + ": key '" + key + "' is not SERVICE_CODE.field");
                continue;
            }
            blocks.computeIfAbsent(key.substring(0, dot), k -> new TreeMap<>())
                    .put(key.substring(dot + 1), p.getProperty(key).trim());
        }
        Map<ServiceCode, CrawlerSpec> specs = new LinkedHashMap<>();
        blocks.forEach((code, fields) -> {
            try {
                specs.put(ServiceCode.of(code), spec(fields));
            } catch (IllegalArgumentException | ValidationException e) {
                problems.add(file + ": service code '" + code + "': " + e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return specs;
    }

    private static CrawlerSpec spec(Map<String, String> f) {
        Map<String, String> env = new TreeMap<>();
        Map<String, String> settings = new TreeMap<>();
        for (String k : f.keySet()) {
            if (k.startsWith("env.")) {
                env.put(k.substring(4), f.get(k));
            } else if (k.startsWith("setting.")) {
                settings.put(k.substring(8), f.get(k));
            } else if (!List.of("image", "timeout", "command", "args", "cpu", "memory", "cpu-limit", "memory-limit")
                    .contains(k)) {
                throw new IllegalArgumentException("unknown field '" + k + "'");
            }
        }
        String image = f.get("image");
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("'image' is required");
        }
        Duration timeout = f.containsKey("timeout") ? DurationText.parse(f.get("timeout")) : null;
        return new CrawlerSpec(image, list(f.get("command")), list(f.get("args")), env, f.get("cpu"), f.get("memory"),
                f.get("cpu-limit"), f.get("memory-limit"), timeout, settings);
    }

    private static List<String> list(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::trim).toList();
    }
}
