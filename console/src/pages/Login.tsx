import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { signIn } from '../api/session';
import { graphql } from '../gql';
import { showOnFields } from '../lib/errors';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      expiresAt
      userErrors { field code message }
    }
  }
`);

export function Login() {
  const [form] = Form.useForm();
  const [{ fetching }, login] = useMutation(LoginMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (values: { username: string; password: string; institution?: string }) => {
    setProblem(null);
    const res = await login({ input: { username: values.username, password: values.password, institution: values.institution || null } });
    const payload = res.data?.login;
    if (res.error) return setProblem(res.error.graphQLErrors[0]?.message ?? '无法连接服务器');
    if (payload?.token && payload.expiresAt) return signIn({ token: payload.token, expiresAt: payload.expiresAt });
    setProblem(showOnFields(form, payload?.userErrors ?? [], ['username', 'password', 'institution']).join('；') || null);
  };
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          荣誉登记系统
        </Typography.Title>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item label="单位代码（登录演示单位时填 DEMO）" name="institution">
            <Input placeholder="留空即本单位" />
          </Form.Item>
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={fetching}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
